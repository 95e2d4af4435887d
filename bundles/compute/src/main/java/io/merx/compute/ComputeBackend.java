package io.merx.compute;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The initialised ND4J backend. Its presence as a service means ND4J is ready to use from any bundle that
 * imports the exported ND4J/DL4J packages.
 */
@ProviderType
public interface ComputeBackend {

    /** {@code CPU} or {@code CUDA}. */
    String backend();

    /** The BLAS library doing the maths, e.g. {@code OPENBLAS} or {@code CUBLAS}. */
    String blasVendor();

    /** Threads ND4J uses for its native operations. */
    int threads();

    /** Compute devices: the CPU, or one entry per GPU with its memory. */
    List<String> devices();

    /** Off-heap bytes currently allocated through JavaCPP (ND4J buffers of all bundles). */
    long offHeapBytes();

    /** The off-heap limit JavaCPP enforces ({@code org.bytedeco.javacpp.maxbytes}). */
    long maxOffHeapBytes();

    /** Milliseconds the first initialisation of ND4J took in this JVM. */
    long initMillis();

    /** ND4J release, e.g. {@code 1.0.0-M2.1}. */
    String nd4jVersion();
}
