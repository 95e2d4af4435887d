package io.merx.api.schedule;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.merx.api.events.EventType;

/**
 * When and how to retrain one model from the events log.
 *
 * <pre>{@code
 * scheduler.schedule(RetrainSchedule.of("recs", "0 3 * * *"));              // every night at 03:00 UTC
 * scheduler.schedule(new RetrainSchedule("recs", "30 2 * * 1",
 *         Set.of(EventType.PURCHASE), 0.1, 0.002));
 * }</pre>
 *
 * @param model the model to retrain; its live version must be of a recommendation kind
 * @param cron when to run: a Unix cron expression with five fields (minute hour day-of-month month day-of-week),
 *        read in UTC; the scheduler checks its syntax
 * @param eventTypes which events to train and evaluate on, at least one of view, click, add_to_cart, purchase
 * @param holdoutFraction the newest share of the events held out for the comparison, in [0.01, 0.9]
 * @param tolerance how much lower the candidate's nDCG@10 may be than the live version's and still be
 *        activated, in [0, 1]; 0 means no worse
 * @since 1.0
 */
public record RetrainSchedule(String model, String cron, Set<EventType> eventTypes, double holdoutFraction,
        double tolerance) {

    /** Purchases and cart adds: the events that say most about what a shopper wants. */
    public static final Set<EventType> DEFAULT_EVENT_TYPES = Set.of(EventType.PURCHASE, EventType.ADD_TO_CART);
    /** The newest fifth of the events is held out by default. */
    public static final double DEFAULT_HOLDOUT_FRACTION = 0.2;
    /** A candidate must be no worse by default. */
    public static final double DEFAULT_TOLERANCE = 0;
    /** Smallest accepted {@link #holdoutFraction}. */
    public static final double MIN_HOLDOUT_FRACTION = 0.01;
    /** Largest accepted {@link #holdoutFraction}. */
    public static final double MAX_HOLDOUT_FRACTION = 0.9;

    /**
     * Checks every field and copies the event types.
     *
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public RetrainSchedule {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("field 'model' is required");
        }
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("field 'cron' is required (five fields, e.g. '0 3 * * *')");
        }
        cron = cron.trim();
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new IllegalArgumentException("field 'eventTypes' must name at least one event type");
        }
        if (eventTypes.contains(EventType.CUSTOM)) {
            throw new IllegalArgumentException("field 'eventTypes' cannot include custom: custom events name no item");
        }
        eventTypes = Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(eventTypes)));
        if (!(holdoutFraction >= MIN_HOLDOUT_FRACTION && holdoutFraction <= MAX_HOLDOUT_FRACTION)) {
            throw new IllegalArgumentException("field 'holdoutFraction' must be between " + MIN_HOLDOUT_FRACTION
                    + " and " + MAX_HOLDOUT_FRACTION + ", got " + holdoutFraction);
        }
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("field 'tolerance' must be between 0 and 1, got " + tolerance);
        }
    }

    /** A schedule with the default event types, hold-out fraction and tolerance. */
    public static RetrainSchedule of(String model, String cron) {
        return new RetrainSchedule(model, cron, DEFAULT_EVENT_TYPES, DEFAULT_HOLDOUT_FRACTION, DEFAULT_TOLERANCE);
    }
}
