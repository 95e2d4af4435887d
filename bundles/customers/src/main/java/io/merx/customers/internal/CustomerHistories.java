package io.merx.customers.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.merx.api.Dataset;

/**
 * Every customer's {@link CustomerHistory}, in order of the customer's first line in the data, and the end of the
 * observation period: the day of the latest order in the data, or the cutoff of an {@link #asOf} view. Recency,
 * tenure and "alive" are measured against {@link #endDay()}, never against the clock.
 *
 * <pre>{@code
 * CustomerHistories all = CustomerHistories.from(data, OrderColumns.of(hp));
 * CustomerHistories calibration = all.asOf(all.endDay() - 90);   // hold out the last 90 days
 * for (CustomerHistory h : calibration.customers()) {
 *     int future = all.customer(h.customer()).orElseThrow()
 *             .ordersBetween(calibration.endDay(), all.endDay()).size();
 * }
 * }</pre>
 */
public final class CustomerHistories {

    private final List<CustomerHistory> customers;
    private final Map<String, CustomerHistory> byId;
    private final List<String> categories;
    private final int endDay;

    private CustomerHistories(List<CustomerHistory> customers, List<String> categories, int endDay) {
        this.customers = List.copyOf(customers);
        Map<String, CustomerHistory> index = new HashMap<>();
        for (CustomerHistory history : customers) {
            index.put(history.customer(), history);
        }
        this.byId = Collections.unmodifiableMap(index);
        this.categories = List.copyOf(categories);
        this.endDay = endDay;
    }

    /**
     * Reads, validates and groups order lines.
     *
     * @throws IllegalArgumentException as {@link OrderLines#from} does, naming the column and row
     */
    public static CustomerHistories from(Dataset data, OrderColumns columns) {
        return of(OrderLines.from(data, columns));
    }

    /** Groups validated lines into orders and orders into customer histories. */
    public static CustomerHistories of(OrderLines lines) {
        int customerCount = lines.customerCount();
        int categoryCount = lines.categories().size();
        List<Map<String, OrderBuilder>> ordersByCustomer = new ArrayList<>(customerCount);
        for (int c = 0; c < customerCount; c++) {
            ordersByCustomer.add(new LinkedHashMap<>());
        }
        int endDay = Integer.MIN_VALUE;
        for (int line = 0; line < lines.size(); line++) {
            String id = lines.order(line);
            String key = id != null ? "o" + id : "d" + lines.day(line);
            ordersByCustomer.get(lines.customer(line))
                    .computeIfAbsent(key, k -> new OrderBuilder(id, categoryCount))
                    .add(lines.day(line), lines.amount(line), lines.category(line));
            endDay = Math.max(endDay, lines.day(line));
        }
        List<CustomerHistory> histories = new ArrayList<>(customerCount);
        for (int c = 0; c < customerCount; c++) {
            List<Order> orders = new ArrayList<>();
            for (OrderBuilder builder : ordersByCustomer.get(c).values()) {
                orders.add(builder.build());
            }
            orders.sort((a, b) -> Integer.compare(a.day(), b.day())); // stable: first-line order within a day
            histories.add(new CustomerHistory(lines.customerId(c), orders, categoryCount));
        }
        return new CustomerHistories(histories, lines.categories(), endDay);
    }

    /**
     * The data as it stood at the end of {@code day}: customers with an order on or before it, each truncated
     * to those orders; {@link #endDay()} becomes {@code day}.
     *
     * @throws IllegalArgumentException when no customer had ordered by then
     */
    public CustomerHistories asOf(int day) {
        List<CustomerHistory> kept = new ArrayList<>();
        for (CustomerHistory history : customers) {
            history.asOf(day).ifPresent(kept::add);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no customer has an order on or before " + OrderDates.date(day)
                    + "; the data starts " + OrderDates.date(firstDay()));
        }
        return new CustomerHistories(kept, categories, day);
    }

    /** The histories, in order of each customer's first line in the data. */
    public List<CustomerHistory> customers() {
        return customers;
    }

    /** One customer's history, if the customer has one here. */
    public Optional<CustomerHistory> customer(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Number of customers. */
    public int size() {
        return customers.size();
    }

    /** Category names, in order of first appearance; index of {@link Order#categorySpend()}. */
    public List<String> categories() {
        return categories;
    }

    /** Day of the earliest order of any customer. */
    public int firstDay() {
        int first = Integer.MAX_VALUE;
        for (CustomerHistory history : customers) {
            first = Math.min(first, history.firstDay());
        }
        return first;
    }

    /** End of the observation period: the latest order day in the data, or the cutoff of {@link #asOf}. */
    public int endDay() {
        return endDay;
    }

    /** Sums the lines of one order as they arrive. */
    private static final class OrderBuilder {
        private final String id;
        private final double[] categorySpend;
        private int day = Integer.MAX_VALUE;
        private double amount;
        private int lines;

        OrderBuilder(String id, int categoryCount) {
            this.id = id;
            this.categorySpend = new double[categoryCount];
        }

        void add(int lineDay, double lineAmount, int category) {
            day = Math.min(day, lineDay);
            amount += lineAmount;
            lines++;
            if (category >= 0) {
                categorySpend[category] += lineAmount;
            }
        }

        Order build() {
            return new Order(id, day, amount, lines, categorySpend);
        }
    }
}
