package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;

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

    /**
     * Optimising category c2 with a price band per product (80-125 % of its mean demo price) and unit costs: every
     * recommended price lies in its band and every product of the category is priced.
     */
    @Test
    public void optimizedPricesStayWithinTheirBounds() throws Exception {
        ModelRuntime runtime = awaitService(ModelRuntime.class, null);
        Dataset demo = awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")").demoData()
                .orElseThrow();
        LiveModels.await(runtime, demoModel());
        Map<String, Double> mean = new TreeMap<>();
        Map<String, Integer> count = new TreeMap<>();
        for (int r = 0; r < demo.rowCount(); r++) {
            if (demo.strings("category")[r].equals("c2")) {
                mean.merge(demo.strings("product")[r], demo.numbers("price")[r], Double::sum);
                count.merge(demo.strings("product")[r], 1, Integer::sum);
            }
        }
        mean.replaceAll((product, sum) -> sum / count.get(product));
        Map<String, Object> costs = new TreeMap<>();
        Map<String, Object> min = new TreeMap<>();
        Map<String, Object> max = new TreeMap<>();
        mean.forEach((product, price) -> {
            costs.put(product, 0.5 * price);
            min.put(product, 0.8 * price);
            max.put(product, 1.25 * price);
        });

        ScoreResponse answer = runtime.score(demoModel(), ScoreRequest.of(Map.of("type", "optimize", "category", "c2",
                "costs", costs, "constraints", Map.of("minPrice", min, "maxPrice", max))));

        List<Object> rows = list(answer.result().outputs(), "products");
        assertEquals(answer.result().outputs().toString(), mean.keySet().size(), rows.size());
        for (Object entry : rows) {
            Map<String, Object> row = object(entry);
            String product = (String) row.get("product");
            double price = finite(row.get("price"), "price of " + product);
            assertTrue(product + " priced at " + price + " within [" + min.get(product) + ", " + max.get(product) + "]",
                    price >= (double) min.get(product) - 1e-9 && price <= (double) max.get(product) + 1e-9);
        }
    }
}
