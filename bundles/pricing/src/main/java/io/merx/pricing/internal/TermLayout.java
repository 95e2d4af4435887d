package io.merx.pricing.internal;

/**
 * Where the optional terms sit in a product's coefficient vector: after the intercept, the own price and the
 * product's cross-price terms come promotion, display and competitor price, each only when the model has it.
 *
 * @param promo whether the model has a promotion term
 * @param display whether the model has a display term
 * @param competitor whether the model has a competitor-price term
 */
record TermLayout(boolean promo, boolean display, boolean competitor) {

    int size(int partners) {
        return ProductDemand.FIRST_CROSS + partners + (promo ? 1 : 0) + (display ? 1 : 0) + (competitor ? 1 : 0);
    }

    /** Index of the promotion term, or -1. */
    int promoIndex(int partners) {
        return promo ? ProductDemand.FIRST_CROSS + partners : -1;
    }

    /** Index of the display term, or -1. */
    int displayIndex(int partners) {
        return display ? ProductDemand.FIRST_CROSS + partners + (promo ? 1 : 0) : -1;
    }

    /** Index of the competitor-price term, or -1. */
    int competitorIndex(int partners) {
        return competitor ? ProductDemand.FIRST_CROSS + partners + (promo ? 1 : 0) + (display ? 1 : 0) : -1;
    }
}
