package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * customers.propensity in the distribution: the demo model goes live and gives a demo customer a calibrated
 * purchase probability as of the end of the demo order lines, with three signed reason codes in words; a second
 * version with a stronger L2 penalty swaps in.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CustomersPropensityIT extends ModuleITSupport {

    private static final String CUSTOMER = "C00017";

    @Override
    protected String kind() {
        return "customers.propensity";
    }

    @Override
    protected String requestJson() {
        return "{\"customer\": \"" + CUSTOMER + "\", \"reasons\": 3}";
    }

    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        double probability = finite(outputs.get("probability"), "probability");
        assertTrue(outputs.toString(), probability > 0 && probability < 1);
        assertEquals(outputs.toString(), "purchase", outputs.get("target"));
        LocalDate end = LocalDate.MIN;
        for (String date : demo.strings("date")) {
            LocalDate day = LocalDate.parse(date);
            end = day.isAfter(end) ? day : end;
        }
        assertEquals(outputs.toString(), end.toString(), outputs.get("asOf"));
        List<Object> reasons = list(outputs, "reasons");
        assertEquals(outputs.toString(), 3, reasons.size());
        for (Object reason : reasons) {
            Map<String, Object> r = object(reason);
            finite(r.get("contribution"), "contribution");
            assertTrue(r.toString(), !((String) r.get("text")).isBlank());
        }
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("l2", "1");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
