package io.merx.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a trained model came from: enough to reproduce it and to judge it. Stored in the model manifest and
 * shown by {@code model:info}.
 *
 * @param kind the kind's name
 * @param kindVersion the kind version that trained it
 * @param hyperParameters the validated values used
 * @param dataFingerprint {@link Dataset#fingerprint()} of the training data
 * @param dataRows number of training rows
 * @param trainedAt when training finished
 * @param merxVersion Merx API version on the training machine
 * @param javaVersion {@code java.version} on the training machine
 * @param os {@code os.name os.version/os.arch} on the training machine
 * @param metrics evaluation figures (e.g. {@code rmse}, {@code ndcg@10}); names are the kind's choice
 */
public record Provenance(String kind, String kindVersion, Map<String, Object> hyperParameters,
        String dataFingerprint, long dataRows, Instant trainedAt, String merxVersion, String javaVersion, String os,
        Map<String, Double> metrics) {

    private static final String MERX_VERSION = readMerxVersion();

    /** Checks the required parts and copies the maps, keeping their order. */
    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindVersion, "kindVersion");
        hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Objects.requireNonNull(trainedAt, "trainedAt");
    }

    /** Provenance for a model trained now, on this machine. */
    public static Provenance now(ModelKind kind, HyperParameters hyperParameters, Dataset data,
            Map<String, Double> metrics) {
        return new Provenance(kind.name(), kind.version(), hyperParameters.asMap(), data.fingerprint(),
                data.rowCount(), Instant.now(), MERX_VERSION, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + "/"
                        + System.getProperty("os.arch"),
                metrics);
    }

    /** The version of this API as built. */
    public static String currentMerxVersion() {
        return MERX_VERSION;
    }

    private static String readMerxVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("merx.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("merx.version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
