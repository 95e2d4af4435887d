package io.merx.api.runtime;

import java.util.List;
import java.util.Map;

/**
 * One model as listed by {@link ModelRuntime#models()}.
 *
 * @param name the model name
 * @param kind the kind of its newest version
 * @param versions its stored versions, oldest first
 * @param aliases alias name to version, e.g. {@code live -> 3}
 * @param canary the canary split of live traffic, or null
 * @param shadowVersion the version scored in the shadow of live traffic, or null
 */
public record ModelSummary(String name, String kind, List<String> versions, Map<String, String> aliases,
        CanarySplit canary, String shadowVersion) {

    /** Copies the versions and aliases. */
    public ModelSummary {
        versions = List.copyOf(versions);
        aliases = Map.copyOf(aliases);
    }
}
