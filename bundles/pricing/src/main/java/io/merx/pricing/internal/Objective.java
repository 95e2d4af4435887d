package io.merx.pricing.internal;

import java.util.Locale;

/** What an optimisation maximises, chosen per request. */
enum Objective {
    /** Sum of (price - cost) x expected units. */
    PROFIT,
    /** Sum of price x expected units. */
    REVENUE;

    static Objective of(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'objective' must be 'profit' or 'revenue', got '" + value + "'");
        }
    }
}
