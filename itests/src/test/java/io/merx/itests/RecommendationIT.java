package io.merx.itests;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecommendationIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "recommendation.als";
    }

    @Override
    protected String requestJson() {
        return "{\"user\": \"C000017\", \"k\": 3}";
    }

    @Override
    protected String expectedOutput() {
        return "items";
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("rank", "8");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
