package io.merx.itests;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PricingIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "pricing.demand";
    }

    @Override
    protected String requestJson() {
        return "{\"type\": \"elasticity\", \"product\": \"c2-p2\"}";
    }

    @Override
    protected String expectedOutput() {
        return "elasticity";
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("shrinkage", "ridge");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
