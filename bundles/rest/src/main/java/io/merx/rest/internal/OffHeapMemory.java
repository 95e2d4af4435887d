package io.merx.rest.internal;

/**
 * Off-heap memory of the compute engine, registered by {@link ComputeMemory} only when the compute bundle is
 * there, so the REST layer never requires it.
 */
interface OffHeapMemory {

    /** Bytes in use now. */
    long usedBytes();

    /** The configured limit in bytes, or 0 when unknown. */
    long maxBytes();
}
