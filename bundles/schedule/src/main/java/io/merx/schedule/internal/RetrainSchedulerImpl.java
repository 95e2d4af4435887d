package io.merx.schedule.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.EventService;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.schedule.RetrainOutcome;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;
import io.merx.api.schedule.RetrainScheduler;

/**
 * Keeps the retrain schedules: stores every change before it answers, arms one timer per schedule for its next
 * cron time, and runs at most one retrain per model at a time. Schedules and reports are reloaded on activation,
 * so they survive a restart; deactivation stops the timers and cancels a candidate still training.
 *
 * <p>In a cluster every node with this bundle fires its own schedules: see docs/schedule.md.
 */
@Component(service = RetrainScheduler.class, configurationPid = "io.merx.schedule")
@Designate(ocd = ScheduleConfig.class)
public final class RetrainSchedulerImpl implements RetrainScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainSchedulerImpl.class);

    private final ModelRuntime runtime;
    private final EventService events;
    private final ScheduleSettings settings;
    private final ScheduleStore store;
    /** Guards {@link #entries} and the store file. */
    private final Object lock = new Object();
    private final Map<String, ScheduleStore.Entry> entries;
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();
    private final Map<String, RetrainRun> running = new ConcurrentHashMap<>();
    /** Two threads, so one model's long run does not hold back another model's timer by much. */
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    @Activate
    public RetrainSchedulerImpl(@Reference ModelRuntime runtime, @Reference EventService events,
            ScheduleConfig config) throws IOException {
        this(runtime, events, ScheduleSettings.from(config));
    }

    /**
     * The scheduler with default settings, storing in {@code directory}, outside OSGi: for other modules' tests and
     * embedding. Close it when done.
     */
    public static RetrainSchedulerImpl open(ModelRuntime runtime, EventService events, java.nio.file.Path directory)
            throws IOException {
        return new RetrainSchedulerImpl(runtime, events, new ScheduleSettings(directory,
                ScheduleSettings.DEFAULT_MIN_EVENTS, ScheduleSettings.DEFAULT_MIN_EVALUATED_USERS,
                ScheduleSettings.DEFAULT_MAX_EVALUATED_USERS,
                Duration.ofMinutes(ScheduleSettings.DEFAULT_TRAIN_TIMEOUT_MINUTES),
                ScheduleSettings.DEFAULT_MAX_REPORTS));
    }

    RetrainSchedulerImpl(ModelRuntime runtime, EventService events, ScheduleSettings settings) throws IOException {
        this.runtime = runtime;
        this.events = events;
        this.settings = settings;
        this.store = new ScheduleStore(settings.directory());
        // An unreadable store fails activation rather than being overwritten by an empty one.
        this.entries = store.load();
        AtomicInteger threads = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "merx-retrain-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        entries.values().forEach(entry -> arm(entry.schedule(), Instant.now()));
        LOG.info("Retrain scheduler started with {} schedule(s) from {}", entries.size(), settings.directory());
    }

    @Override
    public RetrainSchedule schedule(RetrainSchedule schedule) throws ModelNotFoundException {
        CronTrigger.parse(schedule.cron());
        ModelVersionInfo live = runtime.info(schedule.model(), ModelRuntime.LIVE);
        if (!live.kind().startsWith(RetrainRun.RECOMMENDATION_KINDS)) {
            throw new IllegalArgumentException("field 'model': '" + schedule.model() + "' is of kind " + live.kind()
                    + "; only recommendation kinds (recommendation.als, .itemknn, .ease, .auto, .popularity)"
                    + " retrain from the events log");
        }
        synchronized (lock) {
            Map<String, ScheduleStore.Entry> next = new TreeMap<>(entries);
            ScheduleStore.Entry old = entries.get(schedule.model());
            next.put(schedule.model(), new ScheduleStore.Entry(schedule, old == null ? List.of() : old.reports()));
            save(next);
        }
        arm(schedule, Instant.now());
        LOG.info("Retrain of {} scheduled at '{}' (UTC)", schedule.model(), schedule.cron());
        return schedule;
    }

    @Override
    public boolean unschedule(String model) {
        synchronized (lock) {
            if (!entries.containsKey(model)) {
                return false;
            }
            Map<String, ScheduleStore.Entry> next = new TreeMap<>(entries);
            next.remove(model);
            save(next);
        }
        ScheduledFuture<?> armed = timers.remove(model);
        if (armed != null) {
            armed.cancel(false);
        }
        LOG.info("Retrain schedule of {} removed", model);
        return true;
    }

    @Override
    public Optional<RetrainSchedule> schedule(String model) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(model)).map(ScheduleStore.Entry::schedule);
        }
    }

    @Override
    public List<RetrainSchedule> schedules() {
        synchronized (lock) {
            return entries.values().stream().map(ScheduleStore.Entry::schedule).toList();
        }
    }

    @Override
    public Optional<Instant> nextRun(String model) {
        return schedule(model).flatMap(s -> CronTrigger.parse(s.cron()).next(Instant.now()));
    }

    @Override
    public RetrainReport runNow(String model) {
        ScheduleStore.Entry entry;
        synchronized (lock) {
            entry = entries.get(model);
        }
        if (entry == null) {
            throw new IllegalArgumentException("model '" + model + "' has no retrain schedule");
        }
        RetrainReport lastActivated = entry.reports().stream()
                .filter(r -> r.outcome() == RetrainOutcome.ACTIVATED).findFirst().orElse(null);
        RetrainRun run = new RetrainRun(runtime, events, settings, entry.schedule(), lastActivated);
        if (running.putIfAbsent(model, run) != null) {
            throw new IllegalStateException("a retrain of '" + model + "' is running; wait for its report");
        }
        try {
            RetrainReport report = run.run();
            LOG.info("Retrain of {}: {} ({})", model, report.outcome(), report.reason());
            record(report);
            return report;
        } finally {
            running.remove(model);
        }
    }

    @Override
    public List<RetrainReport> reports(String model) {
        synchronized (lock) {
            ScheduleStore.Entry entry = entries.get(model);
            return entry == null ? List.of() : entry.reports();
        }
    }

    private void record(RetrainReport report) {
        synchronized (lock) {
            ScheduleStore.Entry entry = entries.get(report.model());
            if (entry == null) {
                return; // unscheduled while it ran: its reports went with the schedule
            }
            List<RetrainReport> reports = new ArrayList<>();
            reports.add(report);
            reports.addAll(entry.reports().subList(0, Math.min(entry.reports().size(), settings.maxReports() - 1)));
            Map<String, ScheduleStore.Entry> next = new TreeMap<>(entries);
            next.put(report.model(), new ScheduleStore.Entry(entry.schedule(), reports));
            try {
                save(next);
            } catch (UncheckedIOException e) {
                LOG.warn("Cannot store the report of the retrain of {}: {}", report.model(), e.getMessage());
            }
        }
    }

    /** Writes the new state, then makes it current: a failed write changes nothing. */
    private void save(Map<String, ScheduleStore.Entry> next) {
        try {
            store.save(next);
        } catch (IOException e) {
            throw new UncheckedIOException("the retrain schedules could not be stored: " + e.getMessage(), e);
        }
        entries.clear();
        entries.putAll(next);
    }

    private void arm(RetrainSchedule schedule, Instant after) {
        if (closed) {
            return;
        }
        Optional<Instant> next;
        try {
            next = CronTrigger.parse(schedule.cron()).next(after);
        } catch (IllegalArgumentException e) {
            LOG.warn("Retrain schedule of {} is not armed: {}", schedule.model(), e.getMessage());
            return;
        }
        ScheduledFuture<?> old = next.isEmpty() ? timers.remove(schedule.model())
                : timers.put(schedule.model(), timer.schedule(() -> fire(schedule, next.get()),
                        Math.max(0, Duration.between(Instant.now(), next.get()).toMillis()), TimeUnit.MILLISECONDS));
        if (old != null) {
            old.cancel(false);
        }
    }

    private void fire(RetrainSchedule schedule, Instant due) {
        if (closed || !schedule.equals(schedule(schedule.model()).orElse(null))) {
            return; // replaced or removed since this timer was armed
        }
        try {
            runNow(schedule.model());
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.info("Scheduled retrain of {} skipped: {}", schedule.model(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Scheduled retrain of {} failed", schedule.model(), e);
        } finally {
            // From the due time, not now: a clock read a little early must not fire the same slot twice.
            Instant now = Instant.now();
            if (schedule.equals(schedule(schedule.model()).orElse(null))) {
                arm(schedule, now.isAfter(due) ? now : due);
            }
        }
    }

    /** Stops the timers, cancels a candidate still training and waits (30 s at most) for runs to end. */
    @Deactivate
    public void close() throws InterruptedException {
        closed = true;
        timers.values().forEach(f -> f.cancel(false));
        running.values().forEach(RetrainRun::cancel);
        timer.shutdownNow();
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("A retrain run did not stop within 30 s of the scheduler stopping");
        }
    }
}
