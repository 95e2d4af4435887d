package io.merx.encoder.internal;

import java.nio.file.Path;

/**
 * Keeps DJL and ONNX Runtime from looking anywhere but this bundle for their native libraries.
 *
 * <p>DJL downloads a tokenizer library when it finds none for the platform, and picks a CUDA build when it sees a
 * GPU; both would reach the network. Offline mode and the CPU flavour stop that (the linux-x86_64 CPU library is
 * inside DJL's jar). DJL unpacks it to a cache directory, which goes under Karaf's data directory rather than the
 * user's home. ONNX Runtime unpacks its own natives (inside this bundle) to a temporary directory it removes at exit.
 */
public final class OfflineNatives {

    private OfflineNatives() {
    }

    /** Sets the properties unless already set (an operator may point them elsewhere). */
    public static void configure(Path cacheRoot) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("RUST_FLAVOR", "cpu");
        setIfAbsent("DJL_CACHE_DIR", cacheRoot.resolve("djl").toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheRoot.resolve("djl").toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
