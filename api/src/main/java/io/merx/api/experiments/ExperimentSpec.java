package io.merx.api.experiments;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an experiment tests: a candidate version of a model against its live version on a fixed share of live
 * traffic. The constructor checks every field and throws {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * ExperimentSpec spec = ExperimentSpec.builder("recs", "4").percent(20).metric(ExperimentMetric.CONVERSION)
 *         .guardrail(Guardrail.LATENCY_P99).build();
 * }</pre>
 *
 * @param model the model name
 * @param candidateVersion the version tested against live, a positive integer
 * @param percent the candidate's share of live traffic, in (0, 100)
 * @param metric the rate compared
 * @param guardrails limits whose breach rolls the candidate back at once; may be empty
 * @param alpha the significance level of the sequential test, in (0, 0.5]; the chance of deciding for a
 *        difference where there is none, however often the result is looked at
 * @param minSamples impressions each arm needs before a decision on the metric, at least 100
 * @param maxDuration how long the experiment may run undecided, or null for no limit
 * @param maxImpressions impressions of both arms together after which it ends undecided, or 0 for no limit
 * @param expectedLift the relative lift the test is tuned to find quickly (its mixing scale tau is this times the
 *        control's rate), in (0, 10]; any true lift is still found, smaller ones later
 * @since 1.0
 */
public record ExperimentSpec(String model, String candidateVersion, double percent, ExperimentMetric metric,
        Set<Guardrail> guardrails, double alpha, long minSamples, Duration maxDuration, long maxImpressions,
        double expectedLift) {

    /** The default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The default minimum impressions per arm. */
    public static final long DEFAULT_MIN_SAMPLES = 1000;
    /** The smallest minimum sample accepted: below it the normal approximation of the test is poor. */
    public static final long LOWEST_MIN_SAMPLES = 100;
    /** The default relative lift the test is tuned to. */
    public static final double DEFAULT_EXPECTED_LIFT = 0.05;

    /** Checks every field. */
    public ExperimentSpec {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (candidateVersion == null || !candidateVersion.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("version must be a positive integer, got '" + candidateVersion + "'");
        }
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("percent must be greater than 0 and less than 100 (the live version"
                    + " keeps the rest as the control), got " + percent);
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric is required (one of " + ExperimentMetric.NAMES + ")");
        }
        guardrails = guardrails == null || guardrails.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(guardrails));
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5], got " + alpha);
        }
        if (minSamples < LOWEST_MIN_SAMPLES) {
            throw new IllegalArgumentException("minSamples must be at least " + LOWEST_MIN_SAMPLES + ", got "
                    + minSamples);
        }
        if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
            throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
        }
        if (maxImpressions < 0 || (maxImpressions > 0 && maxImpressions < 2 * minSamples)) {
            throw new IllegalArgumentException("maxImpressions must be 0 (no limit) or at least twice minSamples ("
                    + 2 * minSamples + "), got " + maxImpressions);
        }
        if (!(expectedLift > 0 && expectedLift <= 10)) {
            throw new IllegalArgumentException("expectedLift must be in (0, 10], got " + expectedLift);
        }
    }

    /** A builder with the defaults: 10 %, conversion, no guardrail, alpha 0.05, 1,000 samples, no maximum. */
    public static Builder builder(String model, String candidateVersion) {
        return new Builder(model, candidateVersion);
    }

    /** Builds an {@link ExperimentSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final String model;
        private final String candidateVersion;
        private double percent = 10;
        private ExperimentMetric metric = ExperimentMetric.CONVERSION;
        private final Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        private double alpha = DEFAULT_ALPHA;
        private long minSamples = DEFAULT_MIN_SAMPLES;
        private Duration maxDuration;
        private long maxImpressions;
        private double expectedLift = DEFAULT_EXPECTED_LIFT;

        private Builder(String model, String candidateVersion) {
            this.model = model;
            this.candidateVersion = candidateVersion;
        }

        /** The candidate's share of live traffic, in (0, 100). */
        public Builder percent(double value) {
            percent = value;
            return this;
        }

        /** The rate compared. */
        public Builder metric(ExperimentMetric value) {
            metric = value;
            return this;
        }

        /** Adds a guardrail. */
        public Builder guardrail(Guardrail value) {
            guardrails.add(Objects.requireNonNull(value, "guardrail"));
            return this;
        }

        /** The significance level. */
        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        /** Impressions each arm needs before a decision. */
        public Builder minSamples(long value) {
            minSamples = value;
            return this;
        }

        /** How long it may run undecided; null for no limit. */
        public Builder maxDuration(Duration value) {
            maxDuration = value;
            return this;
        }

        /** Impressions of both arms after which it ends undecided; 0 for no limit. */
        public Builder maxImpressions(long value) {
            maxImpressions = value;
            return this;
        }

        /** The relative lift the test is tuned to find quickly. */
        public Builder expectedLift(double value) {
            expectedLift = value;
            return this;
        }

        /**
         * The spec.
         *
         * @throws IllegalArgumentException naming the first invalid field
         */
        public ExperimentSpec build() {
            return new ExperimentSpec(model, candidateVersion, percent, metric, guardrails, alpha, minSamples,
                    maxDuration, maxImpressions, expectedLift);
        }
    }
}
