package io.merx.search.internal;

import java.nio.file.Path;

import io.merx.encoder.internal.OfflineNatives;
import io.merx.encoder.internal.OnnxSentenceEncoder;

/** One real all-MiniLM-L6-v2 encoder for the module's tests, as in Karaf where the kind shares the service. */
final class SharedEncoder {

    private static OnnxSentenceEncoder encoder;

    private SharedEncoder() {
    }

    static synchronized OnnxSentenceEncoder get() {
        if (encoder == null) {
            OfflineNatives.configure(Path.of("target", "native-cache").toAbsolutePath());
            try {
                encoder = OnnxSentenceEncoder.load(OnnxSentenceEncoder.class, 0);
            } catch (Exception e) {
                throw new IllegalStateException("the encoder from merx-encoder must load in tests", e);
            }
        }
        return encoder;
    }
}
