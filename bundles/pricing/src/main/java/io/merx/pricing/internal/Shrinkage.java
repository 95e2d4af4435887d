package io.merx.pricing.internal;

import java.util.List;
import java.util.Locale;

/** How per-product coefficients borrow strength from their category (hyper-parameter {@code shrinkage}). */
enum Shrinkage {
    /** Gaussian prior centred on the category mean, its spread estimated from the data (DerSimonian-Laird). */
    EMPIRICAL_BAYES,
    /** Ridge penalty {@code ridgeLambda * (b - category mean)^2}: a prior of fixed strength. */
    RIDGE,
    /** Plain least squares per product. */
    NONE;

    static final List<String> CHOICES = List.of("empirical-bayes", "ridge", "none");

    static Shrinkage of(String choice) {
        return valueOf(choice.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
