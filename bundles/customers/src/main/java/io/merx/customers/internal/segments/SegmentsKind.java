package io.merx.customers.internal.segments;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.customers.internal.DemoOrders;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code customers.segments} kind: RFM and category-mix features from order lines, k-means (ND4J) with k by
 * silhouette, named segments, a customer's segment on request. Starts once ND4J is initialised (training uses
 * it); the demo model trains on {@link DemoOrders}.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + SegmentsKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class SegmentsKind extends BaseKind {

    public static final String NAME = "customers.segments";

    /** The one constructor: Declarative Services calls it, and so do tests and benchmarks. */
    public SegmentsKind() {
        super(NAME, "Customer segments: RFM and category mix, k-means (k by silhouette), named segments",
                SegmentsTrainer.PARAMETERS, SegmentsTrainer::new, dir -> new SegmentsScorer(SegmentFiles.read(dir)));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoOrders.lines());
    }
}
