package io.merx.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.search.internal.RankFusion.Hit;

/**
 * A trained search model, loaded: the catalogue, its BM25 index and, when trained with them, the products'
 * embeddings. Answers a request given the query's embedding (computed by the caller, so that a batch embeds its
 * queries in one pass). Thread-safe: nothing changes after construction.
 */
final class ProductSearch implements AutoCloseable {

    private final Catalogue catalogue;
    private final Map<String, Integer> ids;
    private final Bm25Index bm25;
    private final float[][] embeddings;
    private final SearchSettings settings;

    /**
     * @param embeddings one L2-normalised row per product, or null for a BM25-only model
     */
    ProductSearch(Catalogue catalogue, float[][] embeddings, SearchSettings settings) {
        this.catalogue = catalogue;
        this.ids = catalogue.index();
        this.embeddings = embeddings;
        this.settings = settings;
        this.bm25 = new Bm25Index(catalogue, settings.k1(), settings.b());
    }

    Catalogue catalogue() {
        return catalogue;
    }

    SearchSettings settings() {
        return settings;
    }

    boolean embedded() {
        return embeddings != null;
    }

    /** The best products for a request, with the weight of the embeddings the model was trained with. */
    List<Hit> search(SearchRequest request, float[] queryEmbedding) {
        return search(request, queryEmbedding, settings.semanticWeight());
    }

    /**
     * The best products for a request.
     *
     * @param queryEmbedding the query's embedding; null in {@code bm25} mode
     * @param semanticWeight weight of the embedding ranks in the fusion (the trainer tries several)
     */
    List<Hit> search(SearchRequest request, float[] queryEmbedding, double semanticWeight) {
        boolean[] allowed = allowed(request);
        int depth = Math.max(request.k(), settings.candidates());
        int[] byBm25 = new int[0];
        float[] bm25Scores = null;
        if (request.mode() != SearchRequest.Mode.SEMANTIC) {
            bm25Scores = bm25.scores(request.query());
            byBm25 = TopProducts.of(bm25Scores, allowed, depth, true);
        }
        int[] bySemantic = new int[0];
        float[] cosines = null;
        if (request.mode() != SearchRequest.Mode.BM25) {
            cosines = cosines(queryEmbedding, allowed);
            bySemantic = TopProducts.of(cosines, allowed, depth, false);
        }
        return switch (request.mode()) {
            case BM25 -> single(byBm25, bm25Scores, request.k(), true);
            case SEMANTIC -> single(bySemantic, cosines, request.k(), false);
            case HYBRID -> RankFusion.fuse(byBm25, bySemantic, semanticWeight, request.k());
        };
    }

    private static List<Hit> single(int[] ranked, float[] scores, int k, boolean isBm25) {
        List<Hit> hits = new ArrayList<>();
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            int p = ranked[r];
            hits.add(new Hit(p, scores[p], isBm25 ? r + 1 : 0, isBm25 ? 0 : r + 1));
        }
        return hits;
    }

    private float[] cosines(float[] query, boolean[] allowed) {
        float[] cosines = new float[embeddings.length];
        for (int i = 0; i < embeddings.length; i++) {
            if (allowed[i]) {
                float[] row = embeddings[i];
                float dot = 0;
                for (int j = 0; j < row.length; j++) {
                    dot += row[j] * query[j];
                }
                cosines[i] = dot;
            }
        }
        return cosines;
    }

    private boolean[] allowed(SearchRequest request) {
        boolean[] allowed = catalogue.available().clone();
        if (!request.categories().isEmpty()) {
            Set<String> wanted = new HashSet<>(request.categories());
            boolean[] categoryWanted = new boolean[catalogue.categoryNames().size()];
            for (int c = 0; c < categoryWanted.length; c++) {
                categoryWanted[c] = wanted.contains(catalogue.categoryNames().get(c));
            }
            int[] categories = catalogue.categories();
            for (int i = 0; i < allowed.length; i++) {
                allowed[i] &= categories[i] >= 0 && categoryWanted[categories[i]];
            }
        }
        if (!request.include().isEmpty()) {
            boolean[] included = new boolean[allowed.length];
            for (String id : request.include()) {
                Integer product = ids.get(id);
                if (product != null) {
                    included[product] = true;
                }
            }
            for (int i = 0; i < allowed.length; i++) {
                allowed[i] &= included[i];
            }
        }
        // Ids the catalogue does not hold are ignored: a shop's stock list may name products of other models.
        for (List<String> never : List.of(request.exclude(), request.unavailable())) {
            for (String id : never) {
                Integer product = ids.get(id);
                if (product != null) {
                    allowed[product] = false;
                }
            }
        }
        return allowed;
    }

    @Override
    public void close() {
        bm25.close();
    }
}
