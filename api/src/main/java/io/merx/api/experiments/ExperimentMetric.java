package io.merx.api.experiments;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rate an experiment compares between the arms, per impression (score response served). The wire name is the
 * lower-case constant name.
 *
 * @since 1.0
 */
public enum ExperimentMetric {
    /** Attributed purchases per impression. */
    CONVERSION,
    /** Attributed clicks per impression. */
    CTR;

    /** The wire names, comma-separated, for messages. */
    public static final String NAMES = Arrays.stream(values()).map(ExperimentMetric::wireName)
            .collect(Collectors.joining(", "));

    /** The name in JSON and the shell, e.g. {@code conversion}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The metric with this wire name.
     *
     * @throws IllegalArgumentException naming field {@code metric} when there is none
     */
    public static ExperimentMetric fromWireName(String name) {
        for (ExperimentMetric metric : values()) {
            if (metric.wireName().equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("metric must be one of " + NAMES + ", got '" + name + "'");
    }
}
