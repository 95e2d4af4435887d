package io.merx.graph.internal;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;
import io.merx.sdk.kind.BaseTrainer;

/**
 * How every graph trainer starts: wait for Neo4j, ingest the data into the graph the options name, read back
 * what it learns from. Neo4j lost on the way fails the run with a {@link TrainingException} that says so.
 */
abstract class GraphTrainer extends BaseTrainer {

    /** A read of the graph after ingestion. */
    interface GraphRead<T> {
        T from(GraphStore store) throws GraphUnavailableException;
    }

    private final TrainingStore stores;

    GraphTrainer(ModelKind kind, TrainingStore stores, HyperParameters hp) {
        super(kind, hp);
        this.stores = stores;
    }

    /**
     * Ingests the data (progress from 0 to {@code share}), then reads {@code what} back.
     *
     * @throws TrainingException when Neo4j is not reachable or the job is cancelled
     */
    final <T> T ingestAndRead(Dataset data, IngestOptions options, TrainingContext context, double share,
            String what, GraphRead<T> read) throws TrainingException {
        GraphStore store = store(context);
        try {
            store.ingest(data, options, f -> context.progress(share * f, "ingesting into graph " + options.graph()));
            checkCancelled(context, "after ingesting");
            context.progress(share, "reading " + what + " of graph " + options.graph());
            return read.from(store);
        } catch (GraphUnavailableException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    /** The graph's orders after ingestion, refusing data that gave none. */
    final OrderGraph ingestOrders(Dataset data, IngestOptions options, TrainingContext context, double share)
            throws TrainingException {
        OrderGraph graph = ingestAndRead(data, options, context, share, "orders",
                store -> OrderGraph.read(store, options.graph()));
        if (graph.baskets.isEmpty()) {
            throw new IllegalArgumentException("graph '" + options.graph() + "' holds no orders; the data needs"
                    + " columns '" + options.orderColumn() + "', '" + options.customerColumn() + "' and '"
                    + options.productColumn() + "'");
        }
        return graph;
    }

    /** Neo4j, waiting for it while it starts. */
    final GraphStore store(TrainingContext context) throws TrainingException {
        return stores.await(kind.name(), context);
    }
}
