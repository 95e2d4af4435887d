package io.merx.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.compute.ComputeBackend;

/**
 * Publishes ND4J's off-heap memory for /metrics. A separate component because its class links against
 * {@code io.merx.compute}, which this bundle imports optionally: without the compute bundle only this component
 * stays unsatisfied and the rest of the API serves on.
 */
@Component(service = OffHeapMemory.class)
public final class ComputeMemory implements OffHeapMemory {

    private final ComputeBackend compute;

    @Activate
    public ComputeMemory(@Reference ComputeBackend compute) {
        this.compute = compute;
    }

    @Override
    public long usedBytes() {
        return compute.offHeapBytes();
    }

    @Override
    public long maxBytes() {
        return compute.maxOffHeapBytes();
    }
}
