package io.merx.pricing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/** The optimiser comes within 2 % of the oracle's profit and never recommends a price outside the constraints. */
class OptimizerTest {

    @TempDir
    static Path dir;

    private static MarketSimulator market;
    private static Scorer scorer;
    private static Scorer oracle;

    @BeforeAll
    static void train() throws Exception {
        market = MarketSimulator.create(20, 4, 104, 21);
        scorer = Fixtures.scorer(market.history(), Map.of("holdout", 0), dir);
        oracle = market.oracle();
    }

    @Test
    void jointCategoryProfitIsWithinTwoPercentOfTheOracle() throws Exception {
        double ours = 0;
        double best = 0;
        for (int c = 0; c < 20; c++) {
            String name = "c" + c;
            List<MarketSimulator.Truth> category = market.truth().stream().filter(t -> t.category().equals(name))
                    .toList();
            Map<String, Object> request = categoryRequest(category);
            Map<String, Double> chosen = prices(scorer.score(ScoreRequest.of(request)));
            Map<String, Double> ideal = prices(oracle.score(ScoreRequest.of(request)));
            ours += trueProfit(category, chosen);
            best += trueProfit(category, ideal);
        }
        double regret = 1 - ours / best;
        System.out.printf("profit regret vs oracle over 20 categories: %.4f%n", regret);
        assertTrue(regret >= -1e-9 && regret < 0.02, "regret " + regret);
    }

    private static Map<String, Object> categoryRequest(List<MarketSimulator.Truth> category) {
        Map<String, Object> costs = new LinkedHashMap<>();
        Map<String, Object> min = new LinkedHashMap<>();
        Map<String, Object> max = new LinkedHashMap<>();
        Map<String, Object> current = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (MarketSimulator.Truth t : category) {
            names.add(t.product());
            costs.put(t.product(), t.cost());
            min.put(t.product(), 0.6 * t.basePrice());
            max.put(t.product(), 1.6 * t.basePrice());
            current.put(t.product(), t.basePrice());
        }
        return Map.of("type", "optimize", "products", names, "costs", costs, "currentPrices", current,
                "constraints", Map.of("minPrice", min, "maxPrice", max));
    }

    private static double trueProfit(List<MarketSimulator.Truth> category, Map<String, Double> prices) {
        double profit = 0;
        for (MarketSimulator.Truth t : category) {
            profit += (prices.get(t.product()) - t.cost()) * market.expectedUnits(t.product(), prices);
        }
        return profit;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> prices(ScoreResult result) {
        Map<String, Double> prices = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) result.outputs().get("products")) {
            prices.put((String) row.get("product"), (Double) row.get("price"));
        }
        return prices;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(ScoreResult result, String product) {
        return ((List<Map<String, Object>>) result.outputs().get("products")).stream()
                .filter(r -> r.get("product").equals(product)).findFirst().orElseThrow();
    }

    @Test
    void recommendationsHonourEveryConstraint() throws Exception {
        List<String> line = List.of("c1-p0", "c1-p1", "c1-p2", "c1-p3");
        Map<String, Object> current = Map.of("c1-p0", 3.10, "c1-p1", 4.20, "c1-p2", 5.05, "c1-p3", 6.50);
        Map<String, Object> request = Map.of("type", "optimize", "products", line, "objective", "revenue",
                "currentPrices", current,
                "constraints", Map.of("maxChange", 0.2, "endings", List.of(0.49, 0.99), "minPrice", 3.0,
                        "priceOrder", List.of(List.of("c1-p0", "c1-p1", "c1-p2", "c1-p3"))));
        ScoreResult result = scorer.score(ScoreRequest.of(request));
        Map<String, Double> prices = prices(result);
        double previous = 0;
        for (String product : line) {
            double p = prices.get(product);
            double now = ((Number) current.get(product)).doubleValue();
            assertTrue(p >= Math.max(3.0, now * 0.8) - 1e-9 && p <= now * 1.2 + 1e-9, product + " at " + p);
            double cents = Math.round(p * 100) % 100;
            assertTrue(cents == 49 || cents == 99, product + " ends in ." + cents);
            assertTrue(p > previous, "price order broken at " + product + ": " + prices);
            previous = p;
            Map<String, Object> row = row(result, product);
            double units = (Double) row.get("units");
            assertTrue((Double) row.get("unitsLow") <= units && units <= (Double) row.get("unitsHigh"), row.toString());
        }
        assertEquals("revenue", result.text("objective"));
    }

    @Test
    void inventoryToClearLowersThePrice() throws Exception {
        Map<String, Object> base = Map.of("type", "optimize", "products", List.of("c2-p0"), "costs",
                Map.of("c2-p0", 0.5 * market.truth().get(8).basePrice()));
        ScoreResult free = scorer.score(ScoreRequest.of(base));
        double freeUnits = (Double) row(free, "c2-p0").get("units");
        Map<String, Object> clearing = new LinkedHashMap<>(base);
        clearing.put("constraints", Map.of("inventory", Map.of("c2-p0", 4 * 1.3 * freeUnits), "periods", 4));
        ScoreResult cleared = scorer.score(ScoreRequest.of(clearing));
        Map<String, Object> row = row(cleared, "c2-p0");
        assertTrue((Double) row.get("units") >= 1.3 * freeUnits * (1 - 1e-9), row.toString());
        assertTrue((Double) row.get("price") < (Double) row(free, "c2-p0").get("price"), row.toString());

        clearing.put("constraints", Map.of("inventory", Map.of("c2-p0", 1e9), "periods", 4));
        IllegalArgumentException impossible = assertThrows(IllegalArgumentException.class,
                () -> scorer.score(ScoreRequest.of(clearing)));
        assertTrue(impossible.getMessage().contains("constraints.inventory.c2-p0")
                && impossible.getMessage().contains("lowest allowed price"), impossible.getMessage());
    }

    @Test
    void infeasibleConstraintsAreExplained() {
        Map<String, Object> order = Map.of("type", "optimize", "products", List.of("c3-p0", "c3-p1"),
                "objective", "revenue", "constraints", Map.of("maxPrice", Map.of("c3-p1", 1.0),
                        "minPrice", Map.of("c3-p0", 2.0, "c3-p1", 0.5), "priceOrder",
                        List.of(List.of("c3-p0", "c3-p1"))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> scorer.score(ScoreRequest.of(order)));
        assertTrue(error.getMessage().contains("constraints.priceOrder[0]")
                && error.getMessage().contains("'c3-p1'"), error.getMessage());

        Map<String, Object> bounds = Map.of("type", "optimize", "products", List.of("c3-p0"), "objective", "revenue",
                "currentPrices", Map.of("c3-p0", 2.0), "constraints", Map.of("minPrice", 3.0, "maxChange", 0.1));
        error = assertThrows(IllegalArgumentException.class, () -> scorer.score(ScoreRequest.of(bounds)));
        assertTrue(error.getMessage().contains("constraints.minPrice") && error.getMessage().contains("maxChange"),
                error.getMessage());

        Map<String, Object> cost = Map.of("type", "optimize", "products", List.of("c3-p0"),
                "costs", Map.of("c3-p0", 9.0), "constraints", Map.of("maxPrice", 8.99));
        error = assertThrows(IllegalArgumentException.class, () -> scorer.score(ScoreRequest.of(cost)));
        assertTrue(error.getMessage().contains("costs.c3-p0") && error.getMessage().contains("8.99"),
                error.getMessage());

        Map<String, Object> ladder = Map.of("type", "optimize", "products", List.of("c3-p0"), "objective", "revenue",
                "constraints", Map.of("minPrice", 2.10, "maxPrice", 2.40, "endings", List.of(0.99)));
        error = assertThrows(IllegalArgumentException.class, () -> scorer.score(ScoreRequest.of(ladder)));
        assertTrue(error.getMessage().contains("constraints.endings"), error.getMessage());
    }
}
