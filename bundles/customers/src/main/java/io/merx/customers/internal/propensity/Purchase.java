package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One order line as the propensity features read it: when, how much, and in which category ("" when unknown).
 *
 * @param date the order date
 * @param amount the line's value, not negative
 * @param category the product category, "" when the data has none
 */
record Purchase(LocalDate date, double amount, String category) {

    Purchase {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        if (!Double.isFinite(amount) || amount < 0) {
            throw new IllegalArgumentException("amount must be a finite number >= 0, got " + amount);
        }
    }
}
