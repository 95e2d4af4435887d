package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

class ScoringKindTest {

    @Test
    void learnsThatEngagedVisitorsBuyMore() throws Exception {
        ScoringKind kind = new ScoringKind("1.0.0");
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(DemoData.visits(2_000, 3), TrainingContext.silent());
                ScoringScorer scorer = new ScoringScorer((ScoringModel) model)) {
            double engaged = scorer.score(ScoreRequest.of(Map.of("pages", 25, "minutes", 30, "pastOrders", 4)))
                    .number("probability");
            double browsing = scorer.score(ScoreRequest.of(Map.of("pages", 1, "minutes", 1, "pastOrders", 0)))
                    .number("probability");
            assertTrue(engaged > 0.8 && browsing < 0.2, engaged + " vs " + browsing);
            assertTrue(model.provenance().metrics().get("accuracy") > 0.7);
        }
    }
}
