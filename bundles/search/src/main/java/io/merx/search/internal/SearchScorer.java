package io.merx.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.InputSchema;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.search.internal.RankFusion.Hit;

/**
 * Answers search requests with one loaded model: products with id, title, category, score and the rank each
 * signal gave them. A batch embeds all its queries in one pass through the encoder.
 */
final class SearchScorer implements Scorer {

    private final ProductSearch search;
    private final Embedder embedder;
    private volatile boolean closed;

    private SearchScorer(ProductSearch search, Embedder embedder) {
        this.search = search;
        this.embedder = embedder;
    }

    /**
     * Loads a model; one trained with embeddings needs the same encoder.
     *
     * @param embedder the installed encoder, or null
     * @throws ModelLoadException when the model needs an encoder that is not installed, or another one
     */
    static SearchScorer load(SearchFiles.Stored stored, Embedder embedder) throws ModelLoadException {
        String model = stored.embeddingModel();
        if (!model.isEmpty()) {
            if (embedder == null) {
                throw new ModelLoadException("this search model was trained with sentence embeddings (" + model
                        + "): install the merx-encoder feature to serve it");
            }
            if (!embedder.model().equals(model)) {
                throw new ModelLoadException("this search model was trained with sentence embeddings of " + model
                        + " but the installed encoder is " + embedder.model() + ": retrain it, or set "
                        + "merx.encoder.model=" + model + " in etc/config.properties and restart");
            }
        }
        return new SearchScorer(new ProductSearch(stored.catalogue(), stored.embeddings(), stored.settings()),
                model.isEmpty() ? null : embedder);
    }

    @Override
    public InputSchema inputSchema() {
        return SearchRequest.SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        return scoreBatch(List.of(request)).get(0);
    }

    @Override
    public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        if (closed) {
            throw new ScoringException("the search model is closed");
        }
        List<SearchRequest> parsed = new ArrayList<>(requests.size());
        for (ScoreRequest request : requests) {
            parsed.add(SearchRequest.parse(request, search.embedded()));
        }
        float[][] queryEmbeddings = embedQueries(parsed);
        List<ScoreResult> results = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            SearchRequest request = parsed.get(i);
            results.add(result(request, search.search(request, queryEmbeddings[i])));
        }
        return results;
    }

    /** One encoder pass for every query of the batch that needs an embedding; null rows for the others. */
    private float[][] embedQueries(List<SearchRequest> requests) throws ScoringException {
        float[][] embeddings = new float[requests.size()][];
        List<String> texts = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).mode() != SearchRequest.Mode.BM25) {
                texts.add(requests.get(i).query());
                at.add(i);
            }
        }
        if (!texts.isEmpty()) {
            float[][] embedded;
            try {
                embedded = embedder.embed(texts);
            } catch (RuntimeException e) {
                throw new ScoringException("the sentence encoder failed: " + e.getMessage(), e);
            }
            for (int j = 0; j < at.size(); j++) {
                embeddings[at.get(j)] = embedded[j];
            }
        }
        return embeddings;
    }

    private ScoreResult result(SearchRequest request, List<Hit> hits) {
        Catalogue catalogue = search.catalogue();
        List<Map<String, Object>> products = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", catalogue.ids()[hit.product()]);
            product.put("title", catalogue.titles()[hit.product()]);
            int category = catalogue.categories()[hit.product()];
            if (category >= 0) {
                product.put("category", catalogue.categoryNames().get(category));
            }
            product.put("score", hit.score());
            if (hit.bm25Rank() > 0) {
                product.put("bm25Rank", hit.bm25Rank());
            }
            if (hit.semanticRank() > 0) {
                product.put("semanticRank", hit.semanticRank());
            }
            products.add(product);
        }
        return ScoreResult.builder().put("mode", request.mode().label()).put("products", products).build();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            search.close();
        }
    }
}
