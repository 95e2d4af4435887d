package io.merx.customers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.merx.api.Dataset;

/**
 * Generated order lines with a known structure, for demo models, tests and benchmarks (no shop data ships with
 * Merx). Customers fall into {@link #GROUPS} with distinct purchase rates, churn, spend and category mix, and buy
 * by the BG/NBD story (Fader, Hardie &amp; Lee 2005): while alive, orders arrive as a Poisson process with the
 * customer's own rate (Gamma-distributed within the group); after each repeat order the customer drops out for
 * good with the customer's own probability (Beta-distributed within the group). Order values are Gamma with a
 * customer-specific mean, as Gamma-Gamma assumes. Each customer's true parameters come back in {@link #truth}.
 *
 * <p>Columns (the {@link OrderColumns#DEFAULT} names): {@code order, customer, date, item, category, amount};
 * lines sorted by date. The same arguments always give the same data.
 */
public final class SyntheticOrders {

    /**
     * A customer group.
     *
     * @param name group name
     * @param share fraction of customers in the group
     * @param ordersPerYear mean purchase rate while alive
     * @param dropout mean probability of dropping out after a repeat order
     * @param meanOrderAmount mean order value
     * @param categoryWeights how the group's lines spread over {@link #CATEGORIES}
     */
    public record Group(String name, double share, double ordersPerYear, double dropout, double meanOrderAmount,
            double[] categoryWeights) {
    }

    /**
     * One customer's true parameters.
     *
     * @param group the group name
     * @param ordersPerYear the customer's purchase rate while alive
     * @param dropout the customer's probability of dropping out after a repeat order
     * @param meanOrderAmount the mean of the customer's order values
     * @param firstDay day of the first order (days since 1970-01-01)
     * @param dropoutDay first day the customer is no longer alive, {@code Integer.MAX_VALUE} when alive throughout
     */
    public record Truth(String group, double ordersPerYear, double dropout, double meanOrderAmount, int firstDay,
            int dropoutDay) {

        /** Whether the customer is still alive at the end of {@code day}. */
        public boolean aliveAt(int day) {
            return dropoutDay > day;
        }
    }

    /** Line categories. */
    public static final List<String> CATEGORIES = List.of("grocery", "home", "fashion", "electronics", "garden");

    /** The groups, with shares summing to 1. */
    public static final List<Group> GROUPS = List.of(
            new Group("loyal", 0.15, 24, 0.02, 80, new double[] {0.5, 0.3, 0.2, 0, 0}),
            new Group("big-ticket", 0.10, 4, 0.05, 450, new double[] {0, 0.2, 0, 0.7, 0.1}),
            new Group("regular", 0.30, 8, 0.06, 60, new double[] {0.3, 0.25, 0.25, 0.1, 0.1}),
            new Group("bargain", 0.25, 3, 0.15, 25, new double[] {0.4, 0, 0.6, 0, 0}),
            new Group("lapsing", 0.20, 12, 0.35, 50, new double[] {0.1, 0.4, 0.5, 0, 0}));

    /** Within-group spread: Gamma shape of the purchase rate and of the mean order value, Beta concentration. */
    private static final double RATE_SHAPE = 4;
    private static final double SPEND_SHAPE = 10;
    private static final double DROPOUT_CONCENTRATION = 20;
    /** Gamma shape of single order values around the customer's mean. */
    private static final double ORDER_SHAPE = 6;
    private static final int ITEMS_PER_CATEGORY = 40;

    private final Dataset dataset;
    private final Map<String, Truth> truth;
    private final int endDay;

    private SyntheticOrders(Dataset dataset, Map<String, Truth> truth, int endDay) {
        this.dataset = dataset;
        this.truth = Collections.unmodifiableMap(truth);
        this.endDay = endDay;
    }

    /**
     * Generates a shop's order lines.
     *
     * @param customers number of customers; each orders at least once
     * @param start the first day of the data
     * @param days length of the period; customers make their first order in its first half
     * @param seed random seed
     * @throws IllegalArgumentException when customers or days are below 1
     */
    public static SyntheticOrders generate(int customers, LocalDate start, int days, long seed) {
        if (customers < 1 || days < 1) {
            throw new IllegalArgumentException("customers and days must be at least 1, got " + customers + " and "
                    + days);
        }
        Random random = new Random(seed);
        int first = Math.toIntExact(start.toEpochDay());
        int end = first + days - 1;
        List<Line> lines = new ArrayList<>();
        Map<String, Truth> truth = new LinkedHashMap<>();
        int orderNumber = 0;
        for (int c = 0; c < customers; c++) {
            String id = String.format("C%05d", c + 1);
            Group group = pick(random);
            double rate = group.ordersPerYear() * gamma(random, RATE_SHAPE) / RATE_SHAPE;
            double dropout = beta(random, group.dropout() * DROPOUT_CONCENTRATION,
                    (1 - group.dropout()) * DROPOUT_CONCENTRATION);
            double meanAmount = group.meanOrderAmount() * gamma(random, SPEND_SHAPE) / SPEND_SHAPE;
            int joinDay = first + random.nextInt(Math.max(1, days / 2));
            int dropoutDay = Integer.MAX_VALUE;
            double t = joinDay;
            boolean repeat = false;
            while (true) {
                int day = (int) Math.floor(t);
                if (day > end) {
                    break;
                }
                orderNumber++;
                addOrder(lines, random, group, "O" + orderNumber, id, day, meanAmount);
                if (repeat && random.nextDouble() < dropout) {
                    dropoutDay = day + 1;
                    break;
                }
                repeat = true;
                t += -Math.log(1 - random.nextDouble()) * 365.0 / rate;
            }
            truth.put(id, new Truth(group.name(), rate, dropout, meanAmount, joinDay, dropoutDay));
        }
        lines.sort((a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : Integer.compare(a.sequence, b.sequence));
        return new SyntheticOrders(toDataset(lines), truth, end);
    }

    private static void addOrder(List<Line> lines, Random random, Group group, String order, String customer,
            int day, double meanAmount) {
        long cents = Math.max(1, Math.round(100 * meanAmount * gamma(random, ORDER_SHAPE) / ORDER_SHAPE));
        int count = 1 + random.nextInt(3);
        long left = cents;
        for (int i = 0; i < count; i++) {
            long share = i == count - 1 ? left : Math.round(left * (0.3 + 0.4 * random.nextDouble()));
            left -= share;
            int category = pick(random, group.categoryWeights());
            String item = CATEGORIES.get(category).substring(0, 3).toUpperCase() + "-"
                    + (1 + random.nextInt(ITEMS_PER_CATEGORY));
            lines.add(new Line(lines.size(), order, customer, day, item, CATEGORIES.get(category), share / 100.0));
        }
    }

    private static Dataset toDataset(List<Line> lines) {
        int n = lines.size();
        String[] order = new String[n];
        String[] customer = new String[n];
        String[] date = new String[n];
        String[] item = new String[n];
        String[] category = new String[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            order[i] = line.order;
            customer[i] = line.customer;
            date[i] = LocalDate.ofEpochDay(line.day).toString();
            item[i] = line.item;
            category[i] = line.category;
            amount[i] = line.amount;
        }
        return Dataset.builder().strings("order", order).strings("customer", customer).strings("date", date)
                .strings("item", item).strings("category", category).numbers("amount", amount).build();
    }

    private static Group pick(Random random) {
        double u = random.nextDouble();
        for (Group group : GROUPS) {
            u -= group.share();
            if (u < 0) {
                return group;
            }
        }
        return GROUPS.get(GROUPS.size() - 1);
    }

    private static int pick(Random random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("category weights are all zero");
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape &lt; 1 through the usual power of a uniform. */
    static double gamma(Random random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(Random random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    /** The order lines. */
    public Dataset dataset() {
        return dataset;
    }

    /** The true parameters of a customer. */
    public Truth truth(String customer) {
        Truth t = truth.get(customer);
        if (t == null) {
            throw new IllegalArgumentException("no generated customer '" + customer + "'");
        }
        return t;
    }

    /** Every customer's truth, in customer order. */
    public Map<String, Truth> truths() {
        return truth;
    }

    /** The last day of the period (days since 1970-01-01), whether or not anyone ordered on it. */
    public int endDay() {
        return endDay;
    }

    private record Line(int sequence, String order, String customer, int day, String item, String category,
            double amount) {
    }
}
