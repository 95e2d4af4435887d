package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.merx.api.Dataset;
import io.merx.api.Scorer;

/**
 * A market with known demand curves, for tests, benchmarks and the demo model. Each category holds substitutes;
 * a product's units per period are log-normal around
 * {@code log baseUnits + own (log p - log base) + sum_j cross_j (log p_j - log base_j) + lift promo}, with noise
 * of standard deviation {@link #NOISE_SD} on the log scale. Own elasticities scatter around a category mean, so
 * hierarchical shrinkage has something real to exploit; cross elasticities are positive (substitutes). Prices
 * wander around a base price with occasional promotions that cut the price and lift demand on their own. A fifth
 * of the products are new: they appear only in the last {@link #NEW_PRODUCT_PERIODS} periods, the thin products
 * that must borrow strength from their category.
 *
 * <pre>{@code
 * MarketSimulator market = MarketSimulator.create(20, 4, 104, 1);
 * Dataset history = market.history();             // product, category, period, price, units, promo
 * MarketSimulator.Truth t = market.truth().get(0); // the true elasticities to compare estimates with
 * Scorer oracle = market.oracle();                 // scores requests with the true curves
 * }</pre>
 */
public final class MarketSimulator {

    /** Standard deviation of log units around the demand curve. */
    public static final double NOISE_SD = 0.2;
    /** Periods a new (thin) product has been on sale. */
    public static final int NEW_PRODUCT_PERIODS = 10;

    /**
     * The true demand of one product.
     *
     * @param product identifier
     * @param category category
     * @param basePrice regular price; demand is centred there
     * @param cost unit cost
     * @param baseUnits median units per period at base prices without promotion
     * @param ownElasticity own price elasticity
     * @param crossElasticities elasticity with respect to each substitute's price
     * @param promoLift log-units lift of a promotion
     * @param periods periods with sales history
     */
    public record Truth(String product, String category, double basePrice, double cost, double baseUnits,
            double ownElasticity, Map<String, Double> crossElasticities, double promoLift, int periods) {
    }

    private final List<Truth> truth;
    private final Dataset history;

    private MarketSimulator(List<Truth> truth, Dataset history) {
        this.truth = List.copyOf(truth);
        this.history = history;
    }

    /**
     * A new market.
     *
     * @param categories number of categories
     * @param perCategory substitutes per category
     * @param periods periods of history
     * @param seed random seed: the same seed gives the same market and history
     */
    public static MarketSimulator create(int categories, int perCategory, int periods, long seed) {
        Random random = new Random(seed);
        List<Truth> truth = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            String category = "c" + c;
            double meanOwn = -1.8 - 1.2 * random.nextDouble();
            List<String> names = new ArrayList<>();
            for (int m = 0; m < perCategory; m++) {
                names.add(category + "-p" + m);
            }
            for (int m = 0; m < perCategory; m++) {
                double base = Math.round(100 * Math.exp(Math.log(10) * random.nextDouble())) / 100.0 + 0.5;
                double own = Math.min(-1.3, meanOwn + 0.35 * random.nextGaussian());
                Map<String, Double> cross = new LinkedHashMap<>();
                for (int o = 0; o < perCategory; o++) {
                    if (o != m) {
                        cross.put(names.get(o), 0.05 + 0.25 * random.nextDouble());
                    }
                }
                boolean isNew = random.nextDouble() < 0.2;
                truth.add(new Truth(names.get(m), category, base, base * (0.35 + 0.25 * random.nextDouble()),
                        Math.exp(Math.log(30) + Math.log(10) * random.nextDouble()), own, cross,
                        0.3 + 0.1 * random.nextGaussian(), isNew ? Math.min(periods, NEW_PRODUCT_PERIODS) : periods));
            }
        }
        return new MarketSimulator(truth, simulate(truth, periods, random));
    }

    /** The small market the demo model trains on: 3 categories of 3 products over a year of weeks. */
    public static Dataset demoData() {
        return create(3, 3, 52, 7).history();
    }

    private static Dataset simulate(List<Truth> truth, int periods, Random random) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            index.put(truth.get(i).product(), i);
        }
        List<String> product = new ArrayList<>();
        List<String> category = new ArrayList<>();
        List<Double> period = new ArrayList<>();
        List<Double> price = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        List<Double> promo = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            double[] p = new double[truth.size()];
            double[] onPromo = new double[truth.size()];
            for (int i = 0; i < p.length; i++) {
                Truth d = truth.get(i);
                double regular = d.basePrice() * Math.exp(0.1 * random.nextGaussian());
                onPromo[i] = random.nextDouble() < 0.15 ? 1 : 0;
                double cut = onPromo[i] > 0 ? 1 - (0.1 + 0.2 * random.nextDouble()) : 1;
                p[i] = Math.max(0.01, Math.round(100 * regular * cut) / 100.0);
            }
            for (int i = 0; i < p.length; i++) {
                Truth d = truth.get(i);
                if (t < periods - d.periods()) {
                    continue;
                }
                double mean = logMean(truth, index, i, p, onPromo, t, periods);
                product.add(d.product());
                category.add(d.category());
                period.add((double) (t + 1));
                price.add(p[i]);
                units.add((double) Math.round(Math.exp(mean + NOISE_SD * random.nextGaussian())));
                promo.add(onPromo[i]);
            }
        }
        return Dataset.builder().strings("product", product.toArray(new String[0]))
                .strings("category", category.toArray(new String[0])).numbers("period", unbox(period))
                .numbers("price", unbox(price)).numbers("units", unbox(units)).numbers("promo", unbox(promo)).build();
    }

    /** True mean log units; a substitute not yet on sale does not draw demand away. */
    private static double logMean(List<Truth> truth, Map<String, Integer> index, int i, double[] p, double[] promo,
            int t, int periods) {
        Truth d = truth.get(i);
        double mean = Math.log(d.baseUnits()) + d.ownElasticity() * Math.log(p[i] / d.basePrice())
                + d.promoLift() * promo[i];
        for (Map.Entry<String, Double> cross : d.crossElasticities().entrySet()) {
            int j = index.get(cross.getKey());
            if (t >= periods - truth.get(j).periods()) {
                mean += cross.getValue() * Math.log(p[j] / truth.get(j).basePrice());
            }
        }
        return mean;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The generated sales history: columns product, category, period, price, units, promo. */
    public Dataset history() {
        return history;
    }

    /** The true demand of every product, in history order. */
    public List<Truth> truth() {
        return truth;
    }

    /**
     * A scorer that knows the true curves: the oracle that optimisations are measured against. Its intervals
     * have zero width (no estimation error); it answers the same requests as a trained model.
     */
    public Scorer oracle() {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            index.put(truth.get(i).product(), i);
        }
        TermLayout layout = new TermLayout(true, false, false);
        List<ProductDemand> products = new ArrayList<>();
        for (Truth d : truth) {
            int[] partners = d.crossElasticities().keySet().stream().mapToInt(index::get).toArray();
            int terms = layout.size(partners.length);
            double[] beta = new double[terms];
            beta[ProductDemand.INTERCEPT] = Math.log(d.baseUnits());
            beta[ProductDemand.OWN] = d.ownElasticity();
            int k = 0;
            for (double cross : d.crossElasticities().values()) {
                beta[ProductDemand.FIRST_CROSS + k++] = cross;
            }
            beta[layout.promoIndex(partners.length)] = d.promoLift();
            products.add(new ProductDemand(d.product(), d.category(), partners, beta, new double[terms][terms],
                    NOISE_SD * NOISE_SD, Math.log(d.basePrice()), 0, d.basePrice(), d.basePrice() * 0.7,
                    d.basePrice() * 1.3, 100, d.periods(), true, "truth", ""));
        }
        return new PricingScorer(new DemandModel(products, layout, Map.of()));
    }

    /** True expected units per period of a product at the given prices (others at base price), no promotion. */
    public double expectedUnits(String product, Map<String, Double> prices) {
        Truth d = truth.stream().filter(t -> t.product().equals(product)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown product '" + product + "'"));
        double mean = Math.log(d.baseUnits())
                + d.ownElasticity() * Math.log(prices.getOrDefault(product, d.basePrice()) / d.basePrice());
        for (Map.Entry<String, Double> cross : d.crossElasticities().entrySet()) {
            Truth other = truth.stream().filter(t -> t.product().equals(cross.getKey())).findFirst().orElseThrow();
            mean += cross.getValue() * Math.log(prices.getOrDefault(other.product(), other.basePrice())
                    / other.basePrice());
        }
        return Math.exp(mean + 0.5 * NOISE_SD * NOISE_SD);
    }
}
