package io.merx.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Reads the catalogue, embeds every product's title and description when an encoder is installed and
 * {@code embeddings} allows it, and, when labelled queries are given, chooses the weight of the embeddings in the
 * fusion on half of them and measures the model on the other half.
 */
final class SearchTrainer extends BaseTrainer {

    static final String AUTO = "auto";
    /** Products embedded per encoder pass: bounds the encoder's memory and lets a cancel stop the run. */
    private static final int EMBED_BATCH = 64;

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("idColumn", "id", "column holding the product id"),
            ParameterSpec.text("titleColumn", "title", "column holding the product title"),
            ParameterSpec.text("descriptionColumn", "description", "column holding the product description; used when present"),
            ParameterSpec.text("categoryColumn", "category", "column holding the product category, for category filters; used when present"),
            ParameterSpec.text("availableColumn", "available", "column saying whether the product can be sold (true/false); unavailable products are never returned; used when present"),
            ParameterSpec.choice("embeddings", AUTO, List.of(AUTO, "off", "required"), "sentence embeddings of titles and descriptions from the merx-encoder feature, fused with BM25: 'auto' uses them when the encoder is installed, 'required' fails without it, 'off' searches with BM25 alone"),
            ParameterSpec.real("semanticWeight", 0.5, 0, 1, "weight of the embedding ranks in the reciprocal-rank fusion (0.5: plain RRF); chosen on the labelled queries when 'queries' is given"),
            ParameterSpec.text("queries", "", "optional path of a UTF-8 CSV of 'query,id' lines: half choose semanticWeight, half measure nDCG@10"),
            ParameterSpec.integer("candidates", 100, 10, 10_000, "how many products of each signal's ranking enter the fusion"),
            ParameterSpec.real("k1", 1.2, 0, 3, "BM25 term-frequency saturation"),
            ParameterSpec.real("b", 0.75, 0, 1, "BM25 length normalisation"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the split of the labelled queries"));

    private final Embedder embedder;

    /**
     * @param embedder the sentence encoder if one is installed, else null
     */
    SearchTrainer(ModelKind kind, HyperParameters hp, Embedder embedder) {
        super(kind, hp);
        String mode = hp.getString("embeddings");
        if ("required".equals(mode) && embedder == null) {
            throw new IllegalArgumentException("hyper-parameter 'embeddings' is 'required' but no sentence encoder is "
                    + "installed (feature merx-encoder)");
        }
        this.embedder = "off".equals(mode) ? null : embedder;
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        Catalogue catalogue = Catalogue.from(data, new Catalogue.Columns(hp.getString("idColumn"),
                hp.getString("titleColumn"), hp.getString("descriptionColumn"), hp.getString("categoryColumn"),
                hp.getString("availableColumn")));
        LabelledQueries queries = hp.getString("queries").isBlank() ? null
                : LabelledQueries.read(Path.of(hp.getString("queries")), "queries", catalogue.index());
        float[][] embeddings = embedder == null ? null : embedCatalogue(catalogue, context);
        SearchSettings settings = new SearchSettings(hp.getDouble("k1"), hp.getDouble("b"),
                hp.getDouble("semanticWeight"), hp.getInt("candidates"));

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("products", (double) catalogue.size());
        int available = 0;
        for (boolean a : catalogue.available()) {
            available += a ? 1 : 0;
        }
        metrics.put("availableProducts", (double) available);
        metrics.put("embedded", embeddings == null ? 0.0 : 1.0);
        if (queries != null) {
            try (ProductSearch search = new ProductSearch(catalogue, embeddings, settings)) {
                settings = settings.withSemanticWeight(new WeightChoice(search, queries, embedder,
                        hp.getLong("seed")).chooseAndMeasure(metrics));
            }
        }
        metrics.put("semanticWeight", settings.semanticWeight());
        checkCancelled(context, "after indexing");

        SearchFiles.Stored stored = new SearchFiles.Stored(catalogue, embeddings,
                embedder == null ? "" : embedder.model(), settings);
        List<ScoreRequest> warmup = List.of(ScoreRequest.of(Map.of("query", catalogue.titles()[0], "k", 3)));
        return TrainedModel.of(provenance(data, metrics), SearchRequest.SCHEMA, warmup,
                directory -> SearchFiles.write(stored, directory));
    }

    private float[][] embedCatalogue(Catalogue catalogue, TrainingContext context) throws TrainingException {
        float[][] embeddings = new float[catalogue.size()][];
        for (int from = 0; from < catalogue.size(); from += EMBED_BATCH) {
            checkCancelled(context, "while embedding the catalogue");
            int to = Math.min(catalogue.size(), from + EMBED_BATCH);
            List<String> texts = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                texts.add(catalogue.text(i));
            }
            float[][] batch = embedder.embed(texts);
            System.arraycopy(batch, 0, embeddings, from, batch.length);
        }
        return embeddings;
    }

    /** Chooses the fusion weight on one half of the labelled queries and measures every mode on the other. */
    private record WeightChoice(ProductSearch search, LabelledQueries queries, Embedder embedder, long seed) {

        private static final int STEPS = 10;

        double chooseAndMeasure(Map<String, Double> metrics) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < queries.products().length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<Integer> choose = order.subList(0, order.size() / 2);
            List<Integer> measure = order.subList(order.size() / 2, order.size());
            float[][] embedded = search.embedded() ? embedder.embed(queries.queries()) : null;
            double weight = search.settings().semanticWeight();
            if (search.embedded()) {
                double best = -1;
                for (int step = 0; step <= STEPS; step++) {
                    double w = (double) step / STEPS;
                    double ndcg = mean(choose, SearchRequest.Mode.HYBRID, embedded, w, false);
                    // Ties go to the weight nearer plain RRF (0.5): the published default, not an accident of the split.
                    if (ndcg > best + 1e-12 || (Math.abs(ndcg - best) <= 1e-12
                            && Math.abs(w - 0.5) < Math.abs(weight - 0.5))) {
                        best = ndcg;
                        weight = w;
                    }
                }
            }
            metrics.put("validationQueries", (double) choose.size());
            metrics.put("testQueries", (double) measure.size());
            metrics.put("ndcg10Bm25", mean(measure, SearchRequest.Mode.BM25, embedded, weight, false));
            metrics.put("hr10Bm25", mean(measure, SearchRequest.Mode.BM25, embedded, weight, true));
            if (search.embedded()) {
                metrics.put("ndcg10Semantic", mean(measure, SearchRequest.Mode.SEMANTIC, embedded, weight, false));
                metrics.put("hr10Semantic", mean(measure, SearchRequest.Mode.SEMANTIC, embedded, weight, true));
                metrics.put("ndcg10Hybrid", mean(measure, SearchRequest.Mode.HYBRID, embedded, weight, false));
                metrics.put("hr10Hybrid", mean(measure, SearchRequest.Mode.HYBRID, embedded, weight, true));
            }
            return weight;
        }

        private double mean(List<Integer> rows, SearchRequest.Mode mode, float[][] embedded, double weight,
                boolean hitRate) {
            double sum = 0;
            for (int row : rows) {
                SearchRequest request = new SearchRequest(queries.queries().get(row), KnownItemMetrics.CUTOFF, mode,
                        List.of(), List.of(), List.of(), List.of());
                var hits = search.search(request, embedded == null ? null : embedded[row], weight);
                int relevant = queries.products()[row];
                sum += hitRate ? KnownItemMetrics.hit(hits, relevant) : KnownItemMetrics.ndcg(hits, relevant);
            }
            return rows.isEmpty() ? 0 : sum / rows.size();
        }
    }
}
