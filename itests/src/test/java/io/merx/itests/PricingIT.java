package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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
public class PricingIT extends ModuleITSupport {

    @Override
    protected String kind() {
        return "pricing.demand";
    }

    @Override
    protected String requestJson() {
        return "{\"type\": \"elasticity\", \"product\": \"c2-p2\"}";
    }

    /**
     * The own-price elasticity of c2-p2: negative (the simulated market's true elasticities are all below -1.3),
     * over the price range the demo history really shows for that product, with substitutes from its category.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        assertEquals(outputs.toString(), "c2-p2", outputs.get("product"));
        assertEquals(outputs.toString(), "c2", outputs.get("category"));
        double elasticity = finite(outputs.get("elasticity"), "elasticity");
        assertTrue("demand falls as the price rises: " + outputs, elasticity < -0.3 && elasticity > -6);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("product")[r].equals("c2-p2")) {
                min = Math.min(min, demo.numbers("price")[r]);
                max = Math.max(max, demo.numbers("price")[r]);
            }
        }
        List<Object> range = list(outputs, "priceRange");
        assertEquals(outputs.toString(), min, finite(range.get(0), "lowest price"), 1e-9);
        assertEquals(outputs.toString(), max, finite(range.get(1), "highest price"), 1e-9);
        List<Object> cross = list(outputs, "crossElasticities");
        assertFalse(outputs.toString(), cross.isEmpty());
        for (Object entry : cross) {
            String partner = (String) object(entry).get("product");
            assertTrue("a substitute from the same category: " + partner,
                    partner.startsWith("c2-") && !partner.equals("c2-p2"));
        }
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
