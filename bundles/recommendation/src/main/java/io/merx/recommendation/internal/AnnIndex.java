package io.merx.recommendation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Approximate top-K over the item factors of a large catalogue: two HNSW graphs (Lucene's builder and searcher),
 * one for {@code recommend} (inner product with the item factors) and one for {@code similar} (inner product with
 * the unit item factors, i.e. cosine).
 *
 * <p>Graphs are built on the raw inner product, as Lucene's own {@code MAXIMUM_INNER_PRODUCT} does, not on the
 * MIPS-to-L2 reduction (one extra coordinate {@code sqrt(M^2 - |x|^2)}): with ALS-like factors whose norms spread
 * like popularity, the extra coordinate dominates the item-item distances the graph is built from and recall@10
 * fell to 0.04-0.48 where the inner-product graph reached 0.95-0.99 at the same ef (docs/benchmarks/recommendation.md).
 * Normalising instead would change the ranking itself (cosine is not the ALS score).
 *
 * <p>Filters are Lucene's accepted ordinals: the walk crosses rejected items but collects only accepted ones, so
 * a filtered query still gets {@code ef} candidates. A query that visits more than a tenth of the catalogue or
 * finds fewer than K items is answered by the exact scan instead ({@link #search} returns false).
 */
final class AnnIndex {

    final AnnConfig config;
    private final StoredGraph items;
    private final StoredGraph unitItems;

    AnnIndex(AnnConfig config, StoredGraph items, StoredGraph unitItems) {
        this.config = config;
        this.items = items;
        this.unitItems = unitItems;
    }

    /** Builds both graphs over a model's factors; deterministic for one thread and the same seed. */
    static AnnIndex build(ModelData model, AnnConfig config, long seed) {
        int rank = model.rank();
        return new AnnIndex(config, build(model.factors.items(), rank, config, seed),
                build(model.unitItems, rank, config, seed));
    }

    static StoredGraph build(float[] rows, int rank, AnnConfig config, long seed) {
        int n = rows.length / rank;
        RandomVectorScorerSupplier scorers = new Rows(rows, rank);
        try {
            HnswGraphBuilder builder = HnswGraphBuilder.create(scorers, config.m(), config.efConstruction(), seed, n);
            int threads = config.workerThreads();
            if (threads <= 1) {
                return StoredGraph.of(builder.build(n));
            }
            // Threads insert concurrently under Lucene's row locks: faster, but the graph depends on scheduling.
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "merx-ann-build");
                t.setDaemon(true);
                return t;
            });
            try {
                return StoredGraph.of(new HnswConcurrentMergeBuilder(new TaskExecutor(pool), threads, scorers,
                        config.m(), config.efConstruction(), builder.getGraph(), null).build(n));
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Lucene declares it for index files; nothing here does I/O
        }
    }

    /** The same graphs searched with another {@code efSearch} (benchmarks sweep it). */
    AnnIndex withEfSearch(int efSearch) {
        return new AnnIndex(new AnnConfig(config.minItems(), config.m(), config.efConstruction(), efSearch,
                config.threads()), items, unitItems);
    }

    /** Best items for {@code query} by inner product with the item factors; false when the caller must scan. */
    boolean recommend(ModelData model, float[] query, Filter filter, TopK top, int k) {
        return search(items, model, model.factors.items(), query, filter, top, k);
    }

    /** Best items by cosine with a unit item vector; false when the caller must scan. */
    boolean similar(ModelData model, float[] unitQuery, Filter filter, TopK top, int k) {
        return search(unitItems, model, model.unitItems, unitQuery, filter, top, k);
    }

    private boolean search(StoredGraph graph, ModelData model, float[] rows, float[] query, Filter filter, TopK top,
            int k) {
        int n = graph.size();
        TopKnnCollector collector = new TopKnnCollector(Math.max(k, config.efSearch()), Math.max(1_000, n / 10));
        try {
            HnswGraphSearcher.search(new Query(rows, query, n), collector, graph.cursor(), accepted(model, filter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ScoreDoc[] found = collector.topDocs().scoreDocs;
        if (collector.earlyTerminated() || found.length < k) {
            return false;
        }
        for (ScoreDoc doc : found) {
            top.offer(doc.score, doc.doc);
        }
        return true;
    }

    /** The filter as Lucene's accepted ordinals, or null when every item is allowed. */
    private static Bits accepted(ModelData model, Filter filter) {
        if (filter.excluded().length == 0 && filter.categories() == null) {
            return null;
        }
        int[] categoryOf = model.itemCategory;
        return new Bits() {
            @Override
            public boolean get(int item) {
                return filter.categoryAllowed(categoryOf, item) && !filter.isExcluded(item);
            }

            @Override
            public int length() {
                return categoryOf.length;
            }
        };
    }

    long edges() {
        return items.edges() + unitItems.edges();
    }

    void write(DataOutputStream out) throws IOException {
        items.write(out);
        unitItems.write(out);
    }

    static AnnIndex read(DataInputStream in, AnnConfig config, int itemCount) throws IOException {
        return new AnnIndex(config, StoredGraph.read(in, itemCount), StoredGraph.read(in, itemCount));
    }

    /** A query's scores against every row: the exact inner product the exact scan also uses. */
    private record Query(float[] rows, float[] query, int maxOrd) implements RandomVectorScorer {
        @Override
        public float score(int node) {
            return Ranker.dot(query, rows, node * query.length, query.length);
        }
    }

    /** Scorers of one row against the others, for building; stateless, so one serves every thread. */
    private record Rows(float[] rows, int rank) implements RandomVectorScorerSupplier {
        @Override
        public RandomVectorScorer scorer(int ord) {
            return new Query(rows, Ranker.row(rows, ord, rank), rows.length / rank);
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }
}
