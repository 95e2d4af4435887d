package io.merx.events.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.Event;
import io.merx.api.events.EventListener;
import io.merx.api.events.EventService;
import io.merx.api.events.EventType;
import io.merx.api.events.Impression;
import io.merx.api.events.IngestResult;
import io.merx.api.events.VersionMetrics;
import io.merx.events.internal.LogRecords.StoredEvent;

/**
 * The event service: the log on disk, the dedup index, the recent responses and the counters, rebuilt from the
 * log when it starts. One batch is ingested at a time (dedup, attribution, append, fsync, then count), so a batch
 * is counted only once it is stored, and a batch that failed to store is counted by nobody. The newly accepted
 * events of a stored batch are then handed to the {@link EventListener}s, which never hold up ingestion
 * ({@link ListenerDelivery}).
 */
@Component(service = EventService.class, configurationPid = EventsSettings.PID, immediate = true)
@Designate(ocd = EventsConfig.class)
public final class EventServiceImpl implements EventService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventServiceImpl.class);

    private final EventsSettings settings;
    private final Clock clock;
    private final SegmentedLog log;
    private final DedupIndex dedup;
    private final RecentResponses recent;
    private final OnlineCounters counters = new OnlineCounters();
    private final ImpressionWriter impressions;
    private final Object ingestLock = new Object();
    /** Batches queued per listener before further ones are dropped for it: a minute of 2,000 events/s in 100s. */
    static final int LISTENER_QUEUE_BATCHES = 1_200;
    private final ListenerDelivery listeners = new ListenerDelivery(LISTENER_QUEUE_BATCHES);

    @Activate
    public EventServiceImpl(EventsConfig config) throws IOException {
        this(EventsSettings.from(config), Clock.systemUTC());
    }

    /**
     * The service with default settings and its log in {@code directory}, outside OSGi: for other modules' tests
     * and embedding. Close it when done.
     */
    public static EventServiceImpl open(java.nio.file.Path directory) throws IOException {
        return new EventServiceImpl(EventsSettings.defaults(directory), Clock.systemUTC());
    }

    EventServiceImpl(EventsSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.dedup = new DedupIndex(settings.maxDedupIds());
        this.recent = new RecentResponses(settings.attributionWindow(), settings.maxRecentResponses());
        Instant now = clock.instant();
        long[] replayed = new long[2];
        this.log = SegmentedLog.open(settings.directory(), settings.segmentBytes(), settings.maxTotalBytes(),
                payload -> replay(payload, now, replayed));
        this.impressions = new ImpressionWriter(log, settings.impressionQueueSize());
        LOG.info("Event log {}: {} events and {} served responses in {} segments ({} bytes); fsync {}",
                settings.directory(), replayed[0], replayed[1], log.segmentCount(), log.retainedBytes(),
                settings.fsyncPerBatch() ? "per batch" : "off");
    }

    private void replay(byte[] payload, Instant now, long[] replayed) {
        Object record;
        try {
            record = LogRecords.read(payload);
        } catch (RuntimeException e) {
            LOG.warn("Skipped an unreadable event log record: {}", e.getMessage());
            return;
        }
        if (record instanceof Impression impression) {
            counters.impression(key(impression));
            recent.put(impression, now);
            replayed[1]++;
        } else if (record instanceof StoredEvent stored) {
            dedup.add(stored.event().id());
            if (stored.attributedTo() != null) {
                counters.event(key(stored.attributedTo()), stored.event().type(), stored.event().value());
            }
            replayed[0]++;
        }
    }

    @Override
    public IngestResult ingest(List<Event> events) throws IOException {
        synchronized (ingestLock) {
            Instant now = clock.instant();
            Set<String> inBatch = new HashSet<>();
            List<byte[]> records = new ArrayList<>(events.size());
            List<StoredEvent> accepted = new ArrayList<>(events.size());
            int duplicates = 0;
            for (Event event : events) {
                if (dedup.contains(event.id()) || !inBatch.add(event.id())) {
                    duplicates++;
                    continue;
                }
                Impression to = attribute(event, now);
                records.add(LogRecords.event(event, to));
                accepted.add(new StoredEvent(event, to));
            }
            if (!records.isEmpty()) {
                log.append(records, settings.fsyncPerBatch());
            }
            int attributed = 0;
            List<Event> stored = new ArrayList<>(accepted.size());
            for (StoredEvent each : accepted) {
                dedup.add(each.event().id());
                stored.add(each.event());
                if (each.attributedTo() != null) {
                    attributed++;
                    counters.event(key(each.attributedTo()), each.event().type(), each.event().value());
                }
            }
            // Under the lock, so every listener sees the batches in the order they were stored.
            listeners.deliver(stored);
            return new IngestResult(accepted.size(), duplicates, attributed);
        }
    }

    /**
     * The response an event follows: the one its request id names (when the event names a model, only one of
     * that model), else the newest one that showed its item to its user, within the window; else null.
     */
    Impression attribute(Event event, Instant now) {
        if (event.requestId() != null) {
            Impression named = recent.byRequestId(event.requestId(), now);
            if (named != null && (event.model() == null || event.model().equals(named.model()))) {
                return named;
            }
        }
        if (event.item() == null) {
            return null;
        }
        return recent.byUserAndItem(event.user(), event.item(), event.model(), now);
    }

    /**
     * Whiteboard: every registered {@link EventListener} is told of each stored batch from now on; one with
     * {@link EventListener#REPLAY_SECONDS} first gets the stored events that recent. Taken under the ingest lock,
     * so the replay ends exactly where the live batches begin. Public for embedding ({@link #open}) and
     * benchmarks; in OSGi, DS calls it.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(EventListener listener, Map<String, Object> properties) {
        long seconds = replaySeconds(properties.get(EventListener.REPLAY_SECONDS));
        synchronized (ingestLock) {
            if (seconds <= 0) {
                listeners.add(listener);
                return;
            }
            List<SegmentedLog.Segment> snapshot;
            try {
                snapshot = log.snapshot();
            } catch (IOException e) {
                LOG.warn("Cannot replay stored events to listener {}: {}", listener, e.getMessage());
                listeners.add(listener);
                return;
            }
            Instant since = clock.instant().minusSeconds(seconds);
            listeners.add(listener, () -> replay(snapshot, since, listener));
        }
    }

    private static long replaySeconds(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                LOG.warn("Ignored service property {}='{}': not a number of seconds", EventListener.REPLAY_SECONDS,
                        text);
            }
        }
        return 0;
    }

    /** Hands the listener the stored events at or after {@code since}, in batches of {@value #REPLAY_BATCH}. */
    private static void replay(List<SegmentedLog.Segment> snapshot, Instant since, EventListener listener) {
        List<Event> batch = new ArrayList<>(REPLAY_BATCH);
        long[] replayed = new long[1];
        try {
            SegmentedLog.read(snapshot, payload -> {
                if (LogRecords.read(payload) instanceof StoredEvent stored
                        && !stored.event().timestamp().isBefore(since)) {
                    batch.add(stored.event());
                    if (batch.size() == REPLAY_BATCH) {
                        listener.accepted(List.copyOf(batch));
                        replayed[0] += batch.size();
                        batch.clear();
                    }
                }
            });
        } catch (IOException e) {
            LOG.warn("Replay of stored events to listener {} stopped: {}", listener, e.getMessage());
        }
        if (!batch.isEmpty()) {
            listener.accepted(List.copyOf(batch));
            replayed[0] += batch.size();
        }
        LOG.info("Replayed {} stored events since {} to listener {}", replayed[0], since, listener);
    }

    private static final int REPLAY_BATCH = 1_000;

    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void served(Impression impression) {
        counters.impression(key(impression));
        recent.put(impression, clock.instant());
        impressions.offer(impression);
    }

    @Override
    public List<VersionMetrics> metrics(String model) {
        return counters.metrics(model);
    }

    @Override
    public List<VersionMetrics> metrics() {
        return counters.metrics(null);
    }

    /** A value as people write it: 49.9, 0, 1200 (not 49.90000000000000213 or 1.2E3). */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public long exportCsv(Set<EventType> types, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader("user", "item", "weight", "timestamp", "value").build());
        long[] rows = new long[1];
        try {
            SegmentedLog.read(log.snapshot(), payload -> {
                Object record = LogRecords.read(payload);
                if (record instanceof StoredEvent stored && types.contains(stored.event().type())
                        && stored.event().item() != null) {
                    Event e = stored.event();
                    try {
                        printer.printRecord(e.user(), e.item(), 1, e.timestamp().toString(), plain(e.value()));
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    rows[0]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
        return rows[0];
    }

    @Override
    public List<Event> history(String user, Set<EventType> types, int limit) throws IOException {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        // The log is oldest first: keep the last `limit` matches in a bounded deque, then turn it around.
        ArrayDeque<Event> latest = new ArrayDeque<>(Math.min(limit, 1024));
        SegmentedLog.read(log.snapshot(), payload -> {
            if (LogRecords.read(payload) instanceof StoredEvent stored && user.equals(stored.event().user())
                    && types.contains(stored.event().type())) {
                if (latest.size() == limit) {
                    latest.removeFirst();
                }
                latest.addLast(stored.event());
            }
        });
        List<Event> newestFirst = new ArrayList<>(latest);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Writes queued impressions now, as the writer thread would shortly. */
    void flushImpressions() throws IOException {
        impressions.drain();
    }

    @Deactivate
    @Override
    public void close() throws IOException {
        listeners.close();
        try {
            impressions.close();
        } finally {
            log.close();
        }
    }

    private static OnlineCounters.Key key(Impression impression) {
        return new OnlineCounters.Key(impression.model(), impression.version(), impression.route());
    }
}
