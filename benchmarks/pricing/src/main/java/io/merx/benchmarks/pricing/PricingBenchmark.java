package io.merx.benchmarks.pricing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.pricing.internal.MarketSimulator;
import io.merx.pricing.internal.PricingKind;

/**
 * The pricing benchmark: elasticities with intervals on the real cheese and tuna data next to a plain OLS
 * log-log reference, out-of-sample demand error on the last 20 % of weeks, and on 1,000 simulated products the
 * elasticity recovery error, interval coverage, profit regret against the oracle and time per optimisation.
 * Prints markdown and writes it to {@code target/pricing-benchmark.md}.
 *
 * <p>Run: {@code mvn -q -f benchmarks/pricing/pom.xml package exec:exec} (argument {@code -Dbenchmark.args=real}
 * or {@code simulated} for one part).
 */
public final class PricingBenchmark {

    private static final PricingKind KIND = new PricingKind();
    private final StringBuilder out = new StringBuilder();
    private final Path work;

    private PricingBenchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("merx.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve("../shared/data").normalize();
        String part = args.length > 0 ? args[0] : "all";
        Path work = Files.createDirectories(root.resolve("benchmarks/pricing/target/models"));
        PricingBenchmark benchmark = new PricingBenchmark(work);
        // Load ND4J's native libraries and warm the JIT before anything is timed.
        benchmark.trainAndLoad(MarketSimulator.create(3, 3, 30, 1).history(), new LinkedHashMap<>(), "warmup",
                new LinkedHashMap<>(), new double[1]).close();
        if (!part.equals("simulated")) {
            for (String file : List.of("tuna_dominicks.csv", "cheese.csv")) {
                if (!Files.isRegularFile(data.resolve(file))) {
                    throw new IllegalStateException("benchmark data " + data.resolve(file) + " is missing: the real-"
                            + "data part reads ../shared/data relative to the repository root " + root);
                }
            }
            benchmark.real("Dominick's tuna (7 brands, weekly)", RealData.tuna(data.resolve("tuna_dominicks.csv")),
                    true, Map.of());
            benchmark.real("bayesm cheese (retailer-week)", RealData.cheese(data.resolve("cheese.csv")), false,
                    Map.of("maxCrossProducts", 0));
        }
        if (!part.equals("real")) {
            benchmark.simulated(250, 4, 104, 2026);
        }
        Path report = root.resolve("benchmarks/pricing/target/pricing-benchmark.md");
        Files.writeString(report, benchmark.out);
        System.out.println(benchmark.out);
        System.out.println("written to " + report);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    private Scorer trainAndLoad(Dataset data, Map<String, Object> parameters, String name, Map<String, Double> metrics,
            double[] seconds) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        long start = System.nanoTime();
        try (TrainedModel model = KIND.newTrainer(HyperParameters.of(KIND.parameters(), parameters))
                .train(data, TrainingContext.silent())) {
            seconds[0] = (System.nanoTime() - start) / 1e9;
            metrics.putAll(model.provenance().metrics());
            model.save(dir);
        }
        return KIND.load(dir);
    }

    // ---------------------------------------------------------------- real data

    private void real(String title, Dataset data, boolean cross, Map<String, Object> extra) throws Exception {
        line("### %s", title);
        line("");
        Map<String, Object> parameters = new LinkedHashMap<>(extra);
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] seconds = new double[1];
        Map<String, Double> plainMetrics = new LinkedHashMap<>();
        Map<String, Object> plainParameters = new LinkedHashMap<>(extra);
        plainParameters.put("shrinkage", "none");
        OlsPeer peer = new OlsPeer(data, cross);
        Map<String, OlsPeer.Fit> fits = peer.fit(Double.POSITIVE_INFINITY);
        double holdoutFrom = peer.holdoutStart(0.2);
        double[] peerHoldout = peer.holdoutError(peer.fit(holdoutFrom), holdoutFrom);
        try (Scorer merx = trainAndLoad(data, parameters, "real-eb", metrics, seconds);
                Scorer plain = trainAndLoad(data, plainParameters, "real-none", plainMetrics, new double[1])) {
            line("%d rows, %d products; Merx fit (empirical Bayes, incl. the hold-out refit) %.2f s.", data.rowCount(),
                    peer.products().size(), seconds[0]);
            line("");
            List<String[]> rows = new ArrayList<>();
            double merxWidth = 0;
            double olsWidth = 0;
            int merxWrongSign = 0;
            int olsWrongSign = 0;
            double maxDiffNone = 0;
            List<Double> merxOwn = new ArrayList<>();
            List<Double> olsOwn = new ArrayList<>();
            int n = 0;
            for (String product : peer.products()) {
                ScoreResult e = merx.score(ScoreRequest.of(Map.of("type", "elasticity", "product", product)));
                ScoreResult p = plain.score(ScoreRequest.of(Map.of("type", "elasticity", "product", product)));
                OlsPeer.Fit fit = fits.get(product);
                if (fit.ols() == null || !e.outputs().containsKey("elasticity")) {
                    continue;
                }
                n++;
                double own = e.number("elasticity");
                merxOwn.add(own);
                olsOwn.add(fit.ols().beta[1]);
                merxWidth += e.number("high") - e.number("low");
                olsWidth += fit.ols().high(1) - fit.ols().low(1);
                merxWrongSign += own > 0 ? 1 : 0;
                olsWrongSign += fit.ols().beta[1] > 0 ? 1 : 0;
                if (p.outputs().containsKey("elasticity")) {
                    maxDiffNone = Math.max(maxDiffNone, Math.abs(p.number("elasticity") - fit.ols().beta[1]));
                }
                rows.add(new String[] {product, Integer.toString(fit.rows()),
                        String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", own, e.number("low"), e.number("high")),
                        String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", fit.ols().beta[1], fit.ols().low(1),
                                fit.ols().high(1)),
                        e.text("basis")});
            }
            if (rows.size() > 12) {
                // show the products where the two disagree most: the thin or noisy ones shrinkage acts on
                rows.sort((a, b) -> Double.compare(width(b[3]), width(a[3])));
                line("The 12 products with the widest OLS interval (of %d):", rows.size());
                line("");
                rows = rows.subList(0, 12);
            }
            line("| product | weeks | Merx own elasticity [95%% CI] | OLS own elasticity [95%% CI] | Merx basis |");
            line("|---|---:|---|---|---|");
            for (String[] r : rows) {
                line("| %s | %s | %s | %s | %s |", (Object[]) r);
            }
            line("");
            line("| | Merx (empirical Bayes) | OLS log-log |");
            line("|---|---:|---:|");
            line("| median own elasticity | %.3f | %.3f |", median(merxOwn), median(olsOwn));
            line("| spread of own elasticities (IQR) | %.3f | %.3f |", iqr(merxOwn), iqr(olsOwn));
            line("| mean 95%% interval width | %.3f | %.3f |", merxWidth / n, olsWidth / n);
            line("| products with a positive own elasticity | %d | %d |", merxWrongSign, olsWrongSign);
            line("| hold-out RMSE of log units (last 20%% of weeks) | %.4f | %.4f |",
                    metrics.get("holdoutRmseLogUnits"), peerHoldout[0]);
            line("| hold-out WAPE of units | %.4f | %.4f |", metrics.get("holdoutWape"), peerHoldout[1]);
            line("| hold-out rows | %.0f | %.0f |", metrics.get("holdoutRows"), peerHoldout[2]);
            line("");
            line("Cross-check: Merx with `shrinkage=none` reproduces the reference OLS own elasticities to %.1e "
                    + "(hold-out RMSE %.4f vs %.4f).", maxDiffNone, plainMetrics.get("holdoutRmseLogUnits"),
                    peerHoldout[0]);
            if (cross) {
                crossSummary(merx, peer, fits);
            }
            line("");
        }
    }

    private void crossSummary(Scorer merx, OlsPeer peer, Map<String, OlsPeer.Fit> fits) throws Exception {
        int merxPositive = 0;
        int merxSignificant = 0;
        int olsPositive = 0;
        int olsSignificant = 0;
        int total = 0;
        for (String product : peer.products()) {
            ScoreResult e = merx.score(ScoreRequest.of(Map.of("type", "elasticity", "product", product)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cross = (List<Map<String, Object>>) e.outputs().get("crossElasticities");
            OlsPeer.Fit fit = fits.get(product);
            for (Map<String, Object> c : cross) {
                total++;
                merxPositive += (Double) c.get("elasticity") > 0 ? 1 : 0;
                merxSignificant += (Double) c.get("low") > 0 ? 1 : 0;
                int at = fit.columns().indexOf(c.get("product"));
                if (at >= 0) {
                    olsPositive += fit.ols().beta[at] > 0 ? 1 : 0;
                    olsSignificant += fit.ols().low(at) > 0 ? 1 : 0;
                }
            }
        }
        line("");
        line("Cross-price elasticities (%d brand pairs): positive (substitutes) Merx %d, OLS %d; interval above 0 "
                + "Merx %d, OLS %d.", total, merxPositive, olsPositive, merxSignificant, olsSignificant);
    }

    private static double width(String interval) {
        String[] parts = interval.substring(interval.indexOf('[') + 1, interval.indexOf(']')).split(",");
        return Double.parseDouble(parts[1].trim()) - Double.parseDouble(parts[0].trim());
    }

    // ---------------------------------------------------------------- simulated data

    private void simulated(int categories, int perCategory, int periods, long seed) throws Exception {
        MarketSimulator market = MarketSimulator.create(categories, perCategory, periods, seed);
        Dataset history = market.history();
        line("### Simulated market: %d products (%d categories of %d substitutes), %d weeks", categories * perCategory,
                categories, perCategory, periods);
        line("");
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> plainMetrics = new LinkedHashMap<>();
        double[] seconds = new double[1];
        double[] plainSeconds = new double[1];
        try (Scorer merx = trainAndLoad(history, new LinkedHashMap<>(Map.of("holdout", 0.0)), "sim-eb", metrics,
                seconds);
                Scorer plain = trainAndLoad(history, new LinkedHashMap<>(Map.of("holdout", 0.0, "shrinkage", "none")),
                        "sim-none", plainMetrics, plainSeconds);
                Scorer oracle = market.oracle()) {
            line("%d rows; %.0f %% of products are new (only %d weeks of history). Fit time: Merx empirical Bayes "
                    + "%.2f s, Merx shrinkage=none (OLS) %.2f s.", history.rowCount(),
                    100.0 * market.truth().stream().filter(t -> t.periods() < periods).count() / market.truth().size(),
                    MarketSimulator.NEW_PRODUCT_PERIODS, seconds[0], plainSeconds[0]);
            line("");
            recovery(market, merx, plain, periods);
            regret(market, merx, plain, oracle, categories);
        }
    }

    private void recovery(MarketSimulator market, Scorer merx, Scorer plain, int periods) throws Exception {
        Recovery[] own = {new Recovery(), new Recovery(), new Recovery(), new Recovery()};
        Recovery[] cross = {new Recovery(), new Recovery()};
        for (MarketSimulator.Truth t : market.truth()) {
            boolean thin = t.periods() < periods;
            Scorer[] scorers = {merx, plain};
            for (int s = 0; s < 2; s++) {
                ScoreResult e = scorers[s].score(ScoreRequest.of(Map.of("type", "elasticity", "product",
                        t.product())));
                if (!e.outputs().containsKey("elasticity")) {
                    own[2 * s + (thin ? 1 : 0)].missing++;
                    continue;
                }
                own[2 * s + (thin ? 1 : 0)].add(t.ownElasticity(), e.number("elasticity"), e.number("low"),
                        e.number("high"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) e.outputs().get("crossElasticities");
                for (Map<String, Object> c : list) {
                    cross[s].add(t.crossElasticities().get((String) c.get("product")), (Double) c.get("elasticity"),
                            (Double) c.get("low"), (Double) c.get("high"));
                }
            }
        }
        line("Elasticity recovery against the simulator's true values (95 %% intervals):");
        line("");
        line("| | Merx empirical Bayes | OLS per product (Merx shrinkage=none) |");
        line("|---|---|---|");
        line("| own, established products (%d): MAE / RMSE | %.3f / %.3f | %.3f / %.3f |", own[0].n, own[0].mae(),
                own[0].rmse(), own[2].mae(), own[2].rmse());
        line("| own, established: coverage / mean width | %.3f / %.3f | %.3f / %.3f |", own[0].coverage(),
                own[0].width(), own[2].coverage(), own[2].width());
        line("| own, new products (%d): MAE / RMSE | %.3f / %.3f | %.3f / %.3f (%d not estimable) |", own[1].n
                + own[1].missing, own[1].mae(), own[1].rmse(), own[3].mae(), own[3].rmse(), own[3].missing);
        line("| own, new: coverage / mean width | %.3f / %.3f | %.3f / %.3f |", own[1].coverage(), own[1].width(),
                own[3].coverage(), own[3].width());
        line("| cross (%d pairs): MAE / coverage / mean width | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f |",
                cross[0].n, cross[0].mae(), cross[0].coverage(), cross[0].width(), cross[1].mae(),
                cross[1].coverage(), cross[1].width());
        line("");
    }

    private void regret(MarketSimulator market, Scorer merx, Scorer plain, Scorer oracle, int categories)
            throws Exception {
        double[] profit = new double[3];
        double[] categoryRegret = new double[categories];
        int covered = 0;
        int plainFailed = 0;
        long[] jointNanos = new long[categories];
        for (int c = 0; c < categories; c++) {
            String name = "c" + c;
            List<MarketSimulator.Truth> category = market.truth().stream().filter(t -> t.category().equals(name))
                    .toList();
            Map<String, Object> request = request(category, category);
            long start = System.nanoTime();
            ScoreResult ours = merx.score(ScoreRequest.of(request));
            jointNanos[c] = System.nanoTime() - start;
            Map<String, Double> oursPrices = prices(ours);
            Map<String, Double> best = prices(oracle.score(ScoreRequest.of(request)));
            Map<String, Double> ols;
            try {
                ols = prices(plain.score(ScoreRequest.of(request)));
            } catch (IllegalArgumentException notEstimable) {
                plainFailed++;
                ols = basePrices(category);
            }
            double truthOurs = trueProfit(market, category, oursPrices);
            double truthBest = trueProfit(market, category, best);
            profit[0] += truthOurs;
            profit[1] += trueProfit(market, category, ols);
            profit[2] += truthBest;
            categoryRegret[c] = 1 - truthOurs / truthBest;
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) ours.outputs().get("total");
            covered += (Double) total.get("profitLow") <= truthOurs && truthOurs <= (Double) total.get("profitHigh")
                    ? 1 : 0;
        }
        double[] single = new double[3];
        long[] singleNanos = new long[market.truth().size()];
        for (int i = 0; i < market.truth().size(); i++) {
            MarketSimulator.Truth t = market.truth().get(i);
            List<MarketSimulator.Truth> category = market.truth().stream()
                    .filter(o -> o.category().equals(t.category())).toList();
            Map<String, Object> request = request(List.of(t), category);
            long start = System.nanoTime();
            Map<String, Double> ours = prices(merx.score(ScoreRequest.of(request)));
            singleNanos[i] = System.nanoTime() - start;
            Map<String, Double> best = prices(oracle.score(ScoreRequest.of(request)));
            Map<String, Double> ols;
            try {
                ols = prices(plain.score(ScoreRequest.of(request)));
            } catch (IllegalArgumentException notEstimable) {
                ols = basePrices(List.of(t));
            }
            single[0] += trueProfit(market, List.of(t), ours);
            single[1] += trueProfit(market, List.of(t), ols);
            single[2] += trueProfit(market, List.of(t), best);
        }
        Arrays.sort(categoryRegret);
        line("Profit against the oracle that knows the true curves (prices between 0.6x and 1.6x the base price, "
                + "one-cent ladder, true expected profit of each recommendation):");
        line("");
        line("| | Merx empirical Bayes | OLS per product | oracle |");
        line("|---|---:|---:|---:|");
        line("| joint category optimisation (%d x %d products): total profit regret | %.2f %% | %.2f %% | 0 |",
                categories, market.truth().size() / categories, 100 * (1 - profit[0] / profit[2]),
                100 * (1 - profit[1] / profit[2]));
        line("| per-category regret: median / 90th percentile / worst | %.2f / %.2f / %.2f %% | | |",
                100 * categoryRegret[categories / 2], 100 * categoryRegret[(int) (categories * 0.9)],
                100 * categoryRegret[categories - 1]);
        line("| one product at a time (%d): total profit regret | %.2f %% | %.2f %% | 0 |", market.truth().size(),
                100 * (1 - single[0] / single[2]), 100 * (1 - single[1] / single[2]));
        line("| true profit inside the 95 %% profit interval (categories) | %.1f %% | | |",
                100.0 * covered / categories);
        line("");
        if (plainFailed > 0) {
            line("OLS could not price %d categories (a product not estimable); they count at base prices.",
                    plainFailed);
            line("");
        }
        line("Time per optimisation request (Scorer.score: parse, coordinate ascent, 1,000-draw uncertainty "
                + "simulation):");
        line("");
        line("| request | mean | median | 95th percentile |");
        line("|---|---:|---:|---:|");
        line("| 4 substitutes jointly (%d requests) | %.2f ms | %.2f ms | %.2f ms |", categories, mean(jointNanos),
                percentile(jointNanos, 0.5), percentile(jointNanos, 0.95));
        line("| one product (%d requests) | %.2f ms | %.2f ms | %.2f ms |", singleNanos.length, mean(singleNanos),
                percentile(singleNanos, 0.5), percentile(singleNanos, 0.95));
        line("");
    }

    private static Map<String, Object> request(List<MarketSimulator.Truth> priced,
            List<MarketSimulator.Truth> category) {
        Map<String, Object> costs = new LinkedHashMap<>();
        Map<String, Object> min = new LinkedHashMap<>();
        Map<String, Object> max = new LinkedHashMap<>();
        Map<String, Object> current = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (MarketSimulator.Truth t : priced) {
            names.add(t.product());
            costs.put(t.product(), t.cost());
            min.put(t.product(), 0.6 * t.basePrice());
            max.put(t.product(), 1.6 * t.basePrice());
        }
        for (MarketSimulator.Truth t : category) {
            current.put(t.product(), t.basePrice());
        }
        return Map.of("type", "optimize", "products", names, "costs", costs, "currentPrices", current,
                "constraints", Map.of("minPrice", min, "maxPrice", max));
    }

    private static Map<String, Double> basePrices(List<MarketSimulator.Truth> products) {
        Map<String, Double> prices = new LinkedHashMap<>();
        products.forEach(t -> prices.put(t.product(), t.basePrice()));
        return prices;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> prices(ScoreResult result) {
        Map<String, Double> prices = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) result.outputs().get("products")) {
            prices.put((String) row.get("product"), (Double) row.get("price"));
        }
        return prices;
    }

    private static double trueProfit(MarketSimulator market, List<MarketSimulator.Truth> products,
            Map<String, Double> prices) {
        double profit = 0;
        for (MarketSimulator.Truth t : products) {
            profit += (prices.get(t.product()) - t.cost()) * market.expectedUnits(t.product(), prices);
        }
        return profit;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    private static double iqr(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[(int) (v.length * 0.75)] - v[(int) (v.length * 0.25)];
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    /** Error and interval coverage of estimates against true values. */
    private static final class Recovery {
        int n;
        int missing;
        int covered;
        double absolute;
        double squared;
        double width;

        void add(double truth, double estimate, double low, double high) {
            n++;
            covered += low <= truth && truth <= high ? 1 : 0;
            absolute += Math.abs(estimate - truth);
            squared += (estimate - truth) * (estimate - truth);
            width += high - low;
        }

        double mae() {
            return absolute / n;
        }

        double rmse() {
            return Math.sqrt(squared / n);
        }

        double coverage() {
            return (double) covered / n;
        }

        double width() {
            return width / n;
        }
    }
}
