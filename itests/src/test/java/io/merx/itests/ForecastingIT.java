package io.merx.itests;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ForecastingIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "forecasting.demand";
    }

    @Override
    protected String requestJson() {
        return "{\"series\": \"SKU-004\", \"horizon\": 6, \"leadTime\": 2, \"serviceLevel\": 0.95, \"stock\": 120,"
                + " \"orderCost\": 50, \"holdingCost\": 0.2}";
    }

    @Override
    protected String expectedOutput() {
        return "forecast";
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("method", "theta");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
