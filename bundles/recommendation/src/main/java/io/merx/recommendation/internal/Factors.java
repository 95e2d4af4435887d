package io.merx.recommendation.internal;

/**
 * Latent factors, row-major and contiguous so scoring streams through memory: user {@code u} is
 * {@code users[u*rank .. u*rank+rank-1]}, likewise items.
 *
 * @param rank factors per row
 * @param users user factors
 * @param items item factors
 */
public record Factors(int rank, float[] users, float[] items) {

    /** The first non-finite value's description, or null when all are finite. */
    String firstNonFinite() {
        for (int i = 0; i < users.length; i++) {
            if (!Float.isFinite(users[i])) {
                return "user factor " + i;
            }
        }
        for (int i = 0; i < items.length; i++) {
            if (!Float.isFinite(items[i])) {
                return "item factor " + i;
            }
        }
        return null;
    }
}
