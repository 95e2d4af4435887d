package io.merx.graph;

/**
 * What an ingestion stored.
 *
 * @param rows input rows read
 * @param orders distinct orders in the input
 * @param batches transactions committed
 * @param nodesCreated nodes that did not exist before (0 when the same data is ingested again)
 * @param relationshipsCreated relationships that did not exist before
 * @param seconds wall-clock time
 */
public record IngestReport(long rows, long orders, int batches, long nodesCreated, long relationshipsCreated,
        double seconds) {

    /** Orders per second, for benchmarks and logs. */
    public double ordersPerSecond() {
        return seconds > 0 ? orders / seconds : 0;
    }
}
