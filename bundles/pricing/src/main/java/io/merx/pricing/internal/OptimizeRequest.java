package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an {@code optimize} request into a {@link PriceProblem}, refusing what cannot be honoured with a message
 * that names the field and says which bound or constraint is in conflict.
 */
final class OptimizeRequest {

    /** Most products priced jointly in one request. */
    static final int MAX_PRODUCTS = 60;

    private final DemandModel model;
    private final Map<String, Object> inputs;

    private OptimizeRequest(DemandModel model, Map<String, Object> inputs) {
        this.model = model;
        this.inputs = inputs;
    }

    static PriceProblem parse(DemandModel model, Map<String, Object> inputs) {
        return new OptimizeRequest(model, inputs).parse();
    }

    private PriceProblem parse() {
        int[] products = products();
        Objective objective = Objective.of(inputs.get("objective") == null ? "profit"
                : RequestFields.text(inputs.get("objective"), "objective"));
        double[] current = MarketInputs.prices(inputs, "currentPrices", model, model.lastPrices());
        Map<String, Object> constraints = RequestFields.object(inputs, "constraints", "constraints");
        Map<String, Double> minPrice = RequestFields.perProduct(constraints, "minPrice", "constraints.minPrice");
        Map<String, Double> maxPrice = RequestFields.perProduct(constraints, "maxPrice", "constraints.maxPrice");
        checkKeys(minPrice, "constraints.minPrice", products);
        checkKeys(maxPrice, "constraints.maxPrice", products);
        positive(minPrice, "constraints.minPrice");
        positive(maxPrice, "constraints.maxPrice");
        double maxChange = RequestFields.number(constraints, "maxChange", "constraints.maxChange", Double.NaN);
        if (!Double.isNaN(maxChange) && (maxChange < 0 || maxChange >= 1)) {
            throw new IllegalArgumentException("field 'constraints.maxChange' must be a fraction in [0, 1), got "
                    + maxChange);
        }
        double[] endings = endings(constraints);
        double step = RequestFields.number(constraints, "step", "constraints.step", 0.01);
        if (step <= 0) {
            throw new IllegalArgumentException("field 'constraints.step' must be above 0, got " + step);
        }
        Map<String, Object> explicitLadders = RequestFields.object(constraints, "ladder", "constraints.ladder");
        Map<String, Double> costs = RequestFields.perProduct(inputs, "costs", "costs");
        checkKeys(costs, "costs", products);

        int k = products.length;
        double[][] ladders = new double[k][];
        double[] lower = new double[k];
        double[] upper = new double[k];
        double[] unitCosts = new double[k];
        for (int a = 0; a < k; a++) {
            ProductDemand d = model.product(products[a]);
            String name = d.name();
            Bound lo = lowerBound(d, minPrice, maxChange, current[products[a]]);
            Bound hi = upperBound(d, maxPrice, maxChange, current[products[a]]);
            if (lo.value > hi.value + 1e-9) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "field 'constraints': the price of '%s' cannot satisfy both %s (at least %.2f) and %s "
                                + "(at most %.2f)", name, lo.source, lo.value, hi.source, hi.value));
            }
            Double cost = costs.getOrDefault(name, costs.get("*"));
            if (cost == null && objective == Objective.PROFIT) {
                throw new IllegalArgumentException("field 'costs." + name + "': objective 'profit' needs a unit cost "
                        + "for every product priced");
            }
            if (cost != null) {
                if (cost < 0) {
                    throw new IllegalArgumentException("field 'costs." + name + "' must be at least 0, got " + cost);
                }
                if (cost >= hi.value) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "field 'costs.%s': cost %.2f is not below the highest allowed price %.2f (%s): "
                                    + "every allowed price loses money", name, cost, hi.value, hi.source));
                }
            }
            double[] explicit = explicitLadders.containsKey(name)
                    ? RequestFields.numbers(explicitLadders.get(name), "constraints.ladder." + name) : null;
            ladders[a] = PriceLadder.candidates(lo.value, hi.value, explicit, endings, step, name);
            if (ladders[a].length == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "field 'constraints': no candidate price of '%s' (%s) lies between %.2f (%s) and %.2f (%s)",
                        name, explicit != null ? "constraints.ladder" : endings != null ? "constraints.endings"
                                : "step " + step, lo.value, lo.source, hi.value, hi.source));
            }
            lower[a] = lo.value;
            upper[a] = hi.value;
            unitCosts[a] = cost == null ? 0 : cost;
        }
        for (String name : explicitLadders.keySet()) {
            position(products, name, "constraints.ladder." + name);
        }
        int[][] chains = chains(constraints, products, ladders);
        double[] minUnits = inventory(constraints, products);
        return new PriceProblem(products, ladders, lower, upper, unitCosts, chains, minUnits, objective, current,
                MarketInputs.context(inputs, model));
    }

    private int[] products() {
        List<String> names;
        if (inputs.get("products") != null) {
            names = RequestFields.strings(inputs.get("products"), "products");
        } else if (inputs.get("category") != null) {
            String category = RequestFields.text(inputs.get("category"), "category");
            names = model.products().stream().filter(d -> d.category().equals(category)).map(ProductDemand::name)
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("field 'category': no product of the model is in category '"
                        + category + "'");
            }
        } else {
            throw new IllegalArgumentException("field 'products': an optimize request names the products to price "
                    + "(or a 'category')");
        }
        if (names.isEmpty() || names.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException("field 'products' must list 1 to " + MAX_PRODUCTS + " products, got "
                    + names.size());
        }
        int[] products = new int[names.size()];
        Map<Integer, String> seen = new HashMap<>();
        for (int a = 0; a < products.length; a++) {
            products[a] = MarketInputs.estimable(model, names.get(a), "products");
            if (seen.put(products[a], names.get(a)) != null) {
                throw new IllegalArgumentException("field 'products': product '" + names.get(a) + "' is listed twice");
            }
        }
        return products;
    }

    private record Bound(double value, String source) {
    }

    private Bound lowerBound(ProductDemand d, Map<String, Double> minPrice, double maxChange, double current) {
        Double min = minPrice.getOrDefault(d.name(), minPrice.get("*"));
        Bound bound = null;
        if (min != null) {
            bound = new Bound(min, "constraints.minPrice");
        }
        if (!Double.isNaN(maxChange)) {
            double v = current * (1 - maxChange);
            if (bound == null || v > bound.value) {
                bound = new Bound(v, String.format(Locale.ROOT, "maxChange %.0f%% below the current price %.2f",
                        maxChange * 100, current));
            }
        }
        // Without bounds, stay where the product was observed: a log-log curve is not trusted beyond its data.
        return bound != null ? bound : new Bound(d.minPrice(), "the lowest observed price");
    }

    private Bound upperBound(ProductDemand d, Map<String, Double> maxPrice, double maxChange, double current) {
        Double max = maxPrice.getOrDefault(d.name(), maxPrice.get("*"));
        Bound bound = null;
        if (max != null) {
            bound = new Bound(max, "constraints.maxPrice");
        }
        if (!Double.isNaN(maxChange)) {
            double v = current * (1 + maxChange);
            if (bound == null || v < bound.value) {
                bound = new Bound(v, String.format(Locale.ROOT, "maxChange %.0f%% above the current price %.2f",
                        maxChange * 100, current));
            }
        }
        return bound != null ? bound : new Bound(d.maxPrice(), "the highest observed price");
    }

    private static double[] endings(Map<String, Object> constraints) {
        if (constraints.get("endings") == null) {
            return null;
        }
        double[] endings = RequestFields.numbers(constraints.get("endings"), "constraints.endings");
        if (endings.length == 0) {
            throw new IllegalArgumentException("field 'constraints.endings' must list at least one ending");
        }
        for (int i = 0; i < endings.length; i++) {
            if (endings[i] < 0 || endings[i] >= 1) {
                throw new IllegalArgumentException("field 'constraints.endings[" + i + "]' must be a fraction in "
                        + "[0, 1) such as 0.99, got " + endings[i]);
            }
        }
        return endings;
    }

    private int[][] chains(Map<String, Object> constraints, int[] products, double[][] ladders) {
        List<List<String>> named = RequestFields.chains(constraints.get("priceOrder"), "constraints.priceOrder");
        List<int[]> chains = new ArrayList<>();
        for (int c = 0; c < named.size(); c++) {
            List<String> chain = named.get(c);
            String path = "constraints.priceOrder[" + c + "]";
            if (chain.size() < 2) {
                throw new IllegalArgumentException("field '" + path + "' must list at least two products, cheapest "
                        + "first");
            }
            int[] positions = new int[chain.size()];
            for (int m = 0; m < positions.length; m++) {
                positions[m] = position(products, chain.get(m), path + "[" + m + "]");
            }
            // The lowest feasible price of each member, walking up the chain: if one has no candidate above its
            // predecessor's lowest, no price vector keeps the order.
            double floor = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < positions.length; m++) {
                double[] ladder = ladders[positions[m]];
                double next = Double.NaN;
                for (double p : ladder) {
                    if (p > floor + 1e-9) {
                        next = p;
                        break;
                    }
                }
                if (Double.isNaN(next)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "field '%s': prices cannot increase along %s: the highest allowed price of '%s' (%.2f) "
                                    + "is not above the lowest possible price of '%s' (%.2f)", path, chain,
                            chain.get(m), ladder[ladder.length - 1], chain.get(m - 1), floor));
                }
                floor = next;
            }
            chains.add(positions);
        }
        return chains.toArray(new int[0][]);
    }

    private double[] inventory(Map<String, Object> constraints, int[] products) {
        double[] minUnits = new double[products.length];
        Map<String, Object> inventory = RequestFields.object(constraints, "inventory", "constraints.inventory");
        double periods = RequestFields.number(constraints, "periods", "constraints.periods", 1);
        if (periods < 1) {
            throw new IllegalArgumentException("field 'constraints.periods' must be at least 1, got " + periods);
        }
        inventory.forEach((name, value) -> {
            String path = "constraints.inventory." + name;
            double units = RequestFields.number(value, path);
            if (units < 0) {
                throw new IllegalArgumentException("field '" + path + "' must be at least 0 units, got " + units);
            }
            minUnits[position(products, name, path)] = units / periods;
        });
        return minUnits;
    }

    private int position(int[] products, String name, String path) {
        int index = model.indexOf(name, path);
        for (int a = 0; a < products.length; a++) {
            if (products[a] == index) {
                return a;
            }
        }
        throw new IllegalArgumentException("field '" + path + "': product '" + name
                + "' is not among the products being priced");
    }

    private static void positive(Map<String, Double> prices, String path) {
        prices.forEach((product, price) -> {
            if (price <= 0) {
                throw new IllegalArgumentException("field '" + path + (product.equals("*") ? "" : "." + product)
                        + "' must be a price above 0, got " + price);
            }
        });
    }

    private void checkKeys(Map<String, Double> perProduct, String path, int[] products) {
        for (String name : perProduct.keySet()) {
            if (!name.equals("*")) {
                position(products, name, path + "." + name);
            }
        }
    }
}
