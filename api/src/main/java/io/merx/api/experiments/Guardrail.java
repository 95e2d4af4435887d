package io.merx.api.experiments;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A limit the candidate must keep while the experiment runs; breaching it rolls the candidate back at once,
 * whatever the metric says. The wire name is the lower-case constant name.
 *
 * @since 1.0
 */
public enum Guardrail {
    /**
     * The candidate's 99th-percentile scoring latency must not exceed the live version's by more than the
     * configured tolerance.
     */
    LATENCY_P99;

    /** The wire names, comma-separated, for messages. */
    public static final String NAMES = Arrays.stream(values()).map(Guardrail::wireName)
            .collect(Collectors.joining(", "));

    /** The name in JSON and the shell, e.g. {@code latency_p99}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The guardrail with this wire name.
     *
     * @throws IllegalArgumentException naming field {@code guardrails} when there is none
     */
    public static Guardrail fromWireName(String name) {
        for (Guardrail guardrail : values()) {
            if (guardrail.wireName().equals(name)) {
                return guardrail;
            }
        }
        throw new IllegalArgumentException("guardrails must be among " + NAMES + ", got '" + name + "'");
    }
}
