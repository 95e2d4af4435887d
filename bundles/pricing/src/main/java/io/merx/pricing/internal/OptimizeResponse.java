package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.ScoringException;

/**
 * Answers an {@code optimize} request: recommended prices and the expected units, revenue and profit there with
 * 95 % intervals, next to the expected outcome at the current prices. The recommendation is checked against
 * every constraint once more before it leaves.
 */
final class OptimizeResponse {

    static final int DEFAULT_DRAWS = 1_000;

    private OptimizeResponse() {
    }

    static ScoreResult answer(DemandModel model, ScoreRequest request) throws ScoringException {
        PriceProblem problem = OptimizeRequest.parse(model, request.inputs());
        int draws = (int) request.integer("draws", DEFAULT_DRAWS);
        long seed = request.integer("seed", 1);
        PriceOptimizer.Solution solution = new PriceOptimizer(model, problem).solve();
        int[] products = problem.products();
        double[] prices = problem.currentPrices().clone();
        for (int a = 0; a < products.length; a++) {
            prices[products[a]] = solution.prices()[a];
        }
        verify(model, problem, prices);
        boolean profit = problem.objective() == Objective.PROFIT;
        OutcomeSimulator.Outcome outcome = OutcomeSimulator.simulate(model, products, prices, problem.context(),
                problem.costs(), draws, seed);
        OutcomeSimulator.Outcome now = OutcomeSimulator.simulate(model, products, problem.currentPrices(),
                problem.context(), problem.costs(), draws, seed);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int a = 0; a < products.length; a++) {
            ProductDemand d = model.product(products[a]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product", d.name());
            row.put("price", solution.prices()[a]);
            row.put("currentPrice", problem.currentPrices()[products[a]]);
            row.put("cost", problem.costs()[a]);
            row.put("elasticity", d.beta()[ProductDemand.OWN]);
            quantities(row, outcome.products()[a], profit);
            rows.add(row);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        quantities(total, outcome.total(), profit);
        Map<String, Object> current = new LinkedHashMap<>();
        quantities(current, now.total(), profit);
        int candidates = 0;
        for (double[] ladder : problem.ladders()) {
            candidates += ladder.length;
        }
        return ScoreResult.builder().put("type", "optimize")
                .put("objective", problem.objective().name().toLowerCase(Locale.ROOT)).put("products", rows)
                .put("total", total).put("atCurrentPrices", current)
                .put("method", "coordinate ascent over the price ladder, " + candidates + " candidates, "
                        + solution.sweeps() + " sweeps")
                .put("evaluations", solution.evaluations()).build();
    }

    private static void quantities(Map<String, Object> out, OutcomeSimulator.Quantities q, boolean profit) {
        put(out, "units", q.units());
        put(out, "revenue", q.revenue());
        if (profit) {
            put(out, "profit", q.profit());
        }
    }

    private static void put(Map<String, Object> out, String name, OutcomeSimulator.Interval interval) {
        out.put(name, finite(name, interval.value()));
        out.put(name + "Low", finite(name, interval.low()));
        out.put(name + "High", finite(name, interval.high()));
    }

    private static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("output '" + name + "' is not finite");
        }
        return value;
    }

    /** A last check that the answer honours every constraint; failing it is a bug, never a recommendation. */
    private static void verify(DemandModel model, PriceProblem problem, double[] prices) throws ScoringException {
        int[] products = problem.products();
        for (int a = 0; a < products.length; a++) {
            double p = prices[products[a]];
            if (p < problem.lower()[a] - 1e-9 || p > problem.upper()[a] + 1e-9) {
                throw new ScoringException("optimiser chose " + p + " for " + model.product(products[a]).name()
                        + " outside [" + problem.lower()[a] + ", " + problem.upper()[a] + "]");
            }
            if (problem.minUnits()[a] > 0
                    && model.expectedUnits(products[a], prices, problem.context())
                            < problem.minUnits()[a] * (1 - 1e-9)) {
                throw new ScoringException("optimiser missed the inventory target of "
                        + model.product(products[a]).name());
            }
        }
        for (int[] chain : problem.chains()) {
            for (int m = 1; m < chain.length; m++) {
                if (prices[products[chain[m]]] <= prices[products[chain[m - 1]]]) {
                    throw new ScoringException("optimiser broke a price order chain");
                }
            }
        }
    }
}
