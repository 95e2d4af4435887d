package io.merx.events.kafka.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.Event;
import io.merx.api.events.EventService;
import io.merx.api.events.IngestResult;
import io.merx.api.events.InvalidEventException;

/**
 * Moves events from a Kafka topic into the {@link EventService}, at least once, on its own thread. Invariant: an
 * offset is committed only after the events before it were stored ({@code ingest} returned); a record the events
 * service may not have stored is never committed, so a crash, a failed ingest or a rebalance delivers it again, and
 * the service's deduplication by event id makes the redelivery count once.
 *
 * <p>Each poll is one {@code ingest} batch (one fsync). A record that is not a valid event is logged with its
 * partition and offset, counted, and committed with the rest: it never blocks its partition. When {@code ingest}
 * throws, nothing is committed, the partitions are rewound to the batch's first records and read again after a
 * backoff (0.5 s doubling to 30 s). {@link #close()} wakes the consumer and joins the thread.
 */
final class EventPump implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final KafkaSettings settings;
    private final EventService events;
    private final Duration unassignedWarning;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EventRecords parser = new EventRecords();
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong failedIngests = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile List<String> assigned = List.of();
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private long backoffMs = FIRST_BACKOFF_MS;

    /**
     * Creates the consumer; {@link #start()} begins reading.
     *
     * @param unassignedWarning how long without partitions before a warning says the broker or topic is missing
     */
    EventPump(KafkaSettings settings, EventService events, Duration unassignedWarning) {
        this.settings = settings;
        this.events = events;
        this.unassignedWarning = unassignedWarning;
        this.consumer = create(settings);
        this.thread = new Thread(this::run, "merx-events-kafka");
        this.thread.setDaemon(true);
    }

    /** Kafka loads its assignors and other defaults by class name through the context loader: point it here. */
    private static KafkaConsumer<byte[], byte[]> create(KafkaSettings settings) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            return new KafkaConsumer<>(settings.consumerProperties(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    void start() {
        thread.start();
    }

    ConsumerStatus status() {
        return new ConsumerStatus(records.get(), accepted.get(), duplicates.get(), invalid.get(), failedIngests.get(),
                commits.get(), assigned, lastError, lastErrorAt);
    }

    private void run() {
        LOG.info("Reading events from Kafka topic {} at {} as group {}", settings.topic(),
                settings.bootstrapServers(), settings.groupId());
        long unassignedSince = System.nanoTime();
        boolean warned = false;
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (stopping.getCount() > 0) {
                try {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(settings.pollTimeout());
                    if (!batch.isEmpty()) {
                        deliver(batch);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Never let the thread die while configured: say what happened, wait, and poll again.
                    problem((e instanceof KafkaException ? "Kafka: " + e.getMessage() : e.toString())
                            + "; trying again in " + backoffMs + " ms", e);
                    pause();
                }
                if (!assigned.isEmpty()) {
                    unassignedSince = System.nanoTime();
                    warned = false;
                } else if (!warned && System.nanoTime() - unassignedSince > unassignedWarning.toNanos()) {
                    warned = true;
                    problem("no partition of topic " + settings.topic() + " assigned after "
                            + unassignedWarning.toSeconds() + " s: is a broker reachable at "
                            + settings.bootstrapServers() + " and does the topic exist? Still trying.", null);
                }
            }
        } catch (WakeupException e) {
            // close() asked to stop
        } catch (RuntimeException e) {
            LOG.error("Kafka events consumer stopped: {}", e.toString(), e);
            problem("stopped: " + e, null);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            LOG.info("Stopped reading events from Kafka topic {}", settings.topic());
        }
    }

    /** One poll: parse, ingest as one batch, then commit; on a failed ingest rewind and commit nothing. */
    private void deliver(ConsumerRecords<byte[], byte[]> batch) {
        List<Event> valid = new ArrayList<>(batch.count());
        List<String> rejected = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> part = batch.records(partition);
            first.put(partition, part.get(0).offset());
            next.put(partition, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
            for (ConsumerRecord<byte[], byte[]> record : part) {
                try {
                    valid.add(parser.parse(record.value()));
                } catch (InvalidEventException e) {
                    rejected.add("Kafka record " + partition + " offset " + record.offset()
                            + " is not a valid event and was skipped: " + e.getMessage());
                }
            }
        }
        IngestResult result = new IngestResult(0, 0, 0);
        try {
            if (!valid.isEmpty()) {
                result = events.ingest(valid);
            }
        } catch (IOException | RuntimeException e) {
            failedIngests.incrementAndGet();
            problem("the events log could not store " + valid.size() + " events from " + first.keySet()
                    + "; nothing committed, reading them again in " + backoffMs + " ms: " + e, null);
            rewind(first);
            pause();
            return;
        }
        // Counted once the batch is stored: a rewound batch is read, and its bad records logged, again.
        records.addAndGet(batch.count());
        accepted.addAndGet(result.accepted());
        duplicates.addAndGet(result.duplicates());
        invalid.addAndGet(rejected.size());
        rejected.forEach(LOG::warn);
        if (!rejected.isEmpty()) {
            noteError(rejected.get(rejected.size() - 1));
        }
        try {
            consumer.commitSync(next);
            commits.incrementAndGet();
            backoffMs = FIRST_BACKOFF_MS;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // The events are stored: if these records come again (after a rebalance or restart) they are duplicates.
            problem("offsets of " + next.keySet() + " not committed (" + e.getMessage()
                    + "); the stored events will be counted as duplicates when read again", null);
        }
    }

    private void rewind(Map<TopicPartition, Long> first) {
        for (Map.Entry<TopicPartition, Long> entry : first.entrySet()) {
            if (consumer.assignment().contains(entry.getKey())) {
                consumer.seek(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Waits the current backoff (cut short by close) and doubles it. */
    private void pause() {
        try {
            stopping.await(backoffMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }

    private void problem(String message, Throwable cause) {
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("Kafka events consumer: {}", message, cause);
        }
        LOG.warn("Kafka events consumer (topic {}): {}", settings.topic(), message);
        noteError(message);
    }

    private void noteError(String message) {
        lastError = message;
        lastErrorAt = Instant.now();
    }

    /** Stops the thread: wakes a poll or commit in progress, cuts a backoff short, and closes the consumer. */
    @Override
    public void close() throws InterruptedException {
        stopping.countDown();
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
        }
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            update(List.of());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // called before they go: the consumer's assignment still holds them
            update(partitions);
        }

        private void update(Collection<TopicPartition> leaving) {
            List<String> now = consumer.assignment().stream().filter(p -> !leaving.contains(p))
                    .map(TopicPartition::toString).sorted().toList();
            if (!now.equals(assigned)) {
                LOG.info("Kafka events consumer reads {}", now.isEmpty() ? "no partition" : now);
            }
            assigned = now;
        }
    }
}
