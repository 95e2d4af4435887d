package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

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

    /**
     * Six months ahead for SKU-004, a regular (not intermittent) demo series: six finite values in the range of
     * its last year of sales, inside intervals that widen from 80 % to 95 %, and a non-negative safety stock.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), "SKU-004", outputs.get("series"));
        assertEquals(outputs.toString(), 6, ((Number) outputs.get("horizon")).intValue());
        List<Object> forecast = list(outputs, "forecast");
        assertEquals(outputs.toString(), 6, forecast.size());
        double sum = 0;
        for (int h = 0; h < forecast.size(); h++) {
            double mean = finite(forecast.get(h), "forecast " + (h + 1));
            sum += mean;
            if (Boolean.TRUE.equals(outputs.get("intervals"))) {
                double lower95 = finite(list(outputs, "lower95").get(h), "lower95");
                double lower80 = finite(list(outputs, "lower80").get(h), "lower80");
                double upper80 = finite(list(outputs, "upper80").get(h), "upper80");
                double upper95 = finite(list(outputs, "upper95").get(h), "upper95");
                assertTrue("intervals nest around the forecast: " + outputs,
                        lower95 <= lower80 && lower80 <= mean && mean <= upper80 && upper80 <= upper95);
            }
        }
        double lastYear = lastYearMean(demo, "SKU-004");
        assertTrue("mean forecast " + sum / 6 + " is in the range of last year's mean " + lastYear,
                sum / 6 > 0.4 * lastYear && sum / 6 < 2.5 * lastYear);
        Map<String, Object> inventory = object(outputs.get("inventory"));
        assertTrue(inventory.toString(), finite(inventory.get("safetyStock"), "safetyStock") >= 0);
    }

    private static double lastYearMean(Dataset demo, String series) {
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("series")[r].equals(series)) {
                values.add(demo.numbers("value")[r]);
            }
        }
        return values.subList(values.size() - 12, values.size()).stream().mapToDouble(Double::doubleValue)
                .average().orElseThrow();
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
