package io.merx.customers.internal;

import java.time.LocalDate;

/**
 * One order of one customer: the lines with the same order id, or, without order ids, the customer's lines of
 * one date.
 *
 * @param id the order id, or null when orders are grouped by date
 * @param day the order date in days since 1970-01-01 (the earliest line's, should an order span days)
 * @param amount the sum of the line amounts
 * @param lineCount number of lines
 * @param categorySpend amount per category, indexed like {@link CustomerHistories#categories()} (empty without a
 *        category column); shared, do not modify
 */
public record Order(String id, int day, double amount, int lineCount, double[] categorySpend) {

    /** The order date. */
    public LocalDate date() {
        return OrderDates.date(day);
    }
}
