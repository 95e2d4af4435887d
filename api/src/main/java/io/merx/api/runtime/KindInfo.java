package io.merx.api.runtime;

import java.util.List;

import io.merx.api.ParameterSpec;

/**
 * An installed model kind.
 *
 * @param name the kind's name, e.g. {@code recommendation.als}
 * @param version its version
 * @param description one line for operators
 * @param parameters the hyper-parameters its trainer accepts
 */
public record KindInfo(String name, String version, String description, List<ParameterSpec> parameters) {

    /** Copies the parameter specs. */
    public KindInfo {
        parameters = List.copyOf(parameters);
    }
}
