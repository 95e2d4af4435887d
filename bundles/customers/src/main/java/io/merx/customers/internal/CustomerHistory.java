package io.merx.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One customer's orders, oldest first (orders of one day in the order of their first line). Immutable; the
 * {@link #asOf} view is what calibration/hold-out splits and "features at a cutoff" are built from.
 */
public final class CustomerHistory {

    private final String customer;
    private final List<Order> orders;
    private final int categoryCount;

    CustomerHistory(String customer, List<Order> orders, int categoryCount) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a customer history needs at least one order");
        }
        this.customer = customer;
        this.orders = List.copyOf(orders);
        this.categoryCount = categoryCount;
    }

    /** The customer id. */
    public String customer() {
        return customer;
    }

    /** The orders, oldest first; never empty. */
    public List<Order> orders() {
        return orders;
    }

    public int orderCount() {
        return orders.size();
    }

    /** Day of the first order (days since 1970-01-01). */
    public int firstDay() {
        return orders.get(0).day();
    }

    /** Day of the latest order. */
    public int lastDay() {
        return orders.get(orders.size() - 1).day();
    }

    /** Number of distinct days with an order (BG/NBD counts repeat purchases at this grain: this minus one). */
    public int purchaseDays() {
        int days = 0;
        int previous = Integer.MIN_VALUE;
        for (Order order : orders) {
            if (order.day() != previous) {
                days++;
                previous = order.day();
            }
        }
        return days;
    }

    /** Sum of all order amounts. */
    public double totalAmount() {
        double total = 0;
        for (Order order : orders) {
            total += order.amount();
        }
        return total;
    }

    /** Mean order amount. */
    public double meanOrderAmount() {
        return totalAmount() / orders.size();
    }

    /** Amount per category over all orders, indexed like {@link CustomerHistories#categories()}. */
    public double[] categorySpend() {
        double[] spend = new double[categoryCount];
        for (Order order : orders) {
            for (int c = 0; c < categoryCount; c++) {
                spend[c] += order.categorySpend()[c];
            }
        }
        return spend;
    }

    /** The history as it stood at the end of {@code day}: the orders on or before it; empty before the first. */
    public Optional<CustomerHistory> asOf(int day) {
        if (day >= lastDay()) {
            return Optional.of(this);
        }
        List<Order> kept = new ArrayList<>();
        for (Order order : orders) {
            if (order.day() <= day) {
                kept.add(order);
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new CustomerHistory(customer, kept, categoryCount));
    }

    /** The orders after {@code fromExclusive} up to and including {@code toInclusive} (a hold-out window). */
    public List<Order> ordersBetween(int fromExclusive, int toInclusive) {
        List<Order> window = new ArrayList<>();
        for (Order order : orders) {
            if (order.day() > fromExclusive && order.day() <= toInclusive) {
                window.add(order);
            }
        }
        return window;
    }

    @Override
    public String toString() {
        return "CustomerHistory{" + customer + ", orders=" + orders.size() + ", " + OrderDates.date(firstDay())
                + ".." + OrderDates.date(lastDay()) + "}";
    }
}
