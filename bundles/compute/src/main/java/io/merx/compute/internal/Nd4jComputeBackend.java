package io.merx.compute.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.compute.ComputeBackend;

/** Reads the state of the ND4J backend that {@link ComputeActivator} initialised. */
final class Nd4jComputeBackend implements ComputeBackend {

    private final String backend;
    private final String blasVendor;
    private final int threads;
    private final List<String> devices;
    private final long initMillis;

    Nd4jComputeBackend(long initMillis) {
        this.initMillis = initMillis;
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backendName = env.getProperty("backend", Nd4j.getBackend().getClass().getSimpleName());
        this.backend = backendName.toUpperCase(java.util.Locale.ROOT).contains("CUDA") ? "CUDA" : "CPU";
        this.blasVendor = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        this.threads = intProperty(env, "omp.threads", Runtime.getRuntime().availableProcessors());
        List<String> found = new ArrayList<>();
        Object cudaDevices = env.get("cuda.devicesInformation");
        if (cudaDevices instanceof List<?> list && !list.isEmpty()) {
            list.forEach(device -> found.add(String.valueOf(device)));
        } else {
            found.add("cpu: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch"));
        }
        this.devices = List.copyOf(found);
    }

    private static int intProperty(Properties env, String key, int fallback) {
        Object value = env.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public String blasVendor() {
        return blasVendor;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public List<String> devices() {
        return devices;
    }

    @Override
    public long offHeapBytes() {
        return Pointer.totalBytes();
    }

    @Override
    public long maxOffHeapBytes() {
        return Pointer.maxBytes();
    }

    @Override
    public long initMillis() {
        return initMillis;
    }

    @Override
    public String nd4jVersion() {
        String version = Nd4j.class.getPackage().getImplementationVersion();
        return version != null ? version : "1.0.0-M2.1";
    }

    @Override
    public String toString() {
        return "ComputeBackend{" + backend + ", blas=" + blasVendor + ", threads=" + threads + ", init=" + initMillis
                + " ms}";
    }
}
