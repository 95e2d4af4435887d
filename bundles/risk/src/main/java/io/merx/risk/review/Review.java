package io.merx.risk.review;

/**
 * One product review as the features read it.
 *
 * @param reviewer account id of the author
 * @param product the product reviewed
 * @param time when it was posted, epoch seconds
 * @param accountCreated when the author's account was created, epoch seconds; {@link Long#MIN_VALUE} when unknown
 * @param rating stars, 1 to 5
 * @param text the review text
 */
record Review(String reviewer, String product, long time, long accountCreated, int rating, String text) {

    static final long UNKNOWN = Long.MIN_VALUE;

    boolean accountKnown() {
        return accountCreated != UNKNOWN;
    }

    /** Account age at posting in days; only when {@link #accountKnown()}. */
    double accountAgeDays() {
        return Math.max(0, time - accountCreated) / 86_400.0;
    }
}
