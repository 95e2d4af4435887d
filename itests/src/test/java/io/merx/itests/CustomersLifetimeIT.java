package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.merx.api.Dataset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * customers.lifetime in the distribution (commons-math3 resolved by the merx-customers feature): the demo model
 * goes live, a demo customer gets P(alive), expected purchases with an interval around them and a value, computed
 * from that customer's own purchase days in the demo order lines; a second version (calibration fit, 95 %
 * intervals) swaps in.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CustomersLifetimeIT extends ModuleITSupport {

    private static final String CUSTOMER = "C00017";

    @Override
    protected String kind() {
        return "customers.lifetime";
    }

    @Override
    protected String requestJson() {
        return "{\"customer\": \"" + CUSTOMER + "\", \"horizon\": 26}";
    }

    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        double alive = finite(outputs.get("probabilityAlive"), "probabilityAlive");
        assertTrue(outputs.toString(), alive > 0 && alive <= 1);
        double expected = finite(outputs.get("expectedPurchases"), "expectedPurchases");
        assertTrue(outputs.toString(), finite(outputs.get("purchasesLower"), "purchasesLower") <= expected
                && expected <= finite(outputs.get("purchasesUpper"), "purchasesUpper"));
        assertTrue(outputs.toString(), finite(outputs.get("expectedValue"), "expectedValue") >= 0);
        Set<String> days = new HashSet<>();
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("customer")[r].equals(CUSTOMER)) {
                days.add(demo.strings("date")[r]);
            }
        }
        assertEquals(outputs.toString(), days.size() - 1, finite(outputs.get("frequency"), "frequency"), 0);
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("serving", "calibration", "intervalLevel", "0.95");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }
}
