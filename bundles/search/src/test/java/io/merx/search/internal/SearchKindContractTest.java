package io.merx.search.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

/** The kind without an encoder (BM25 alone), as the distribution runs it. */
class SearchKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new SearchKind(null);
    }

    @Override
    protected Dataset trainingData() {
        return DemoCatalogue.generate(120, 3);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("query", "running shoes")),
                ScoreRequest.of(Map.of("query", "waterproof", "k", 3, "categories", List.of("clothing"))),
                ScoreRequest.of(Map.of("query", "cast iron skillet", "exclude", List.of("P0009"))),
                ScoreRequest.of(Map.of("query", "the", "mode", "bm25")));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("k", 3)), "query"),
                new BadRequest(ScoreRequest.of(Map.of("query", "   ")), "query"),
                new BadRequest(ScoreRequest.of(Map.of("query", "tent", "k", 0)), "k"),
                new BadRequest(ScoreRequest.of(Map.of("query", "tent", "mode", "semantic")), "mode"),
                new BadRequest(ScoreRequest.of(Map.of("query", "tent", "mode", "fuzzy")), "mode"),
                new BadRequest(ScoreRequest.of(Map.of("query", "tent", "categories", "outdoor")), "categories"),
                new BadRequest(ScoreRequest.of(Map.of("query", "tent", "colour", "red")), "colour"));
    }
}
