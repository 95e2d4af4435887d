package io.merx.testkit;

import java.lang.reflect.Method;

/**
 * Reads JavaCPP's count of allocated off-heap bytes, where ND4J keeps its buffers. Reflective so the test kit
 * stays engine-free: a kind without ND4J simply reports nothing.
 */
final class NativeMemory {

    private static final Method TOTAL_BYTES = find();

    private NativeMemory() {
    }

    private static Method find() {
        try {
            return Class.forName("org.bytedeco.javacpp.Pointer").getMethod("totalBytes");
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    static boolean available() {
        return TOTAL_BYTES != null;
    }

    static long totalBytes() {
        try {
            return (Long) TOTAL_BYTES.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read JavaCPP memory counter", e);
        }
    }
}
