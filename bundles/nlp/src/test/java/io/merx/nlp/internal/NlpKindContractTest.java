package io.merx.nlp.internal;

import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.testkit.BadRequest;
import io.merx.testkit.ModelKindContract;

class NlpKindContractTest extends ModelKindContract {

    @Override
    protected ModelKind kind() {
        return new NlpKind(SharedAnalyzer.get(), null);
    }

    @Override
    protected Dataset trainingData() {
        return DemoData.generate(20, 3);
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Map.of("hashBits", 12, "epochs", 6, "seed", 5);
    }

    @Override
    protected List<ScoreRequest> requests() {
        return List.of(ScoreRequest.of(Map.of("text", "Where is my order #123456?")),
                ScoreRequest.of(Map.of("text", "The lamp arrived broken, I paid $35.50.", "history",
                        List.of("I ordered a lamp on May 3."))));
    }

    @Override
    protected List<BadRequest> badRequests() {
        return List.of(new BadRequest(ScoreRequest.of(Map.of("text", 42)), "text"),
                new BadRequest(ScoreRequest.of(Map.of("history", List.of("hello"))), "text"),
                new BadRequest(ScoreRequest.of(Map.of("text", "   \n ")), "text"),
                new BadRequest(ScoreRequest.of(Map.of("text", "hello", "history", "not a list")), "history"),
                new BadRequest(ScoreRequest.of(Map.of("text", "hello", "colour", "red")), "colour"));
    }
}
