package io.merx.risk.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviews a model has seen, indexed for the behaviour and duplicate features: each reviewer's and each
 * product's posting times, and the texts' MinHash signatures in locality-sensitive-hashing bands (16 bands of
 * 4 slots: two texts of Jaccard 0.5 share a band with probability 0.65, of 0.8 with 0.999). Every question is asked
 * "as of" a time and sees only reviews posted strictly before it, so training features are causal and a scored
 * review never sees itself. Read-only once built: scoring does not add the reviews it scores.
 */
final class ReviewHistory {

    static final int BANDS = 16;
    static final int ROWS = MinHash.SLOTS / BANDS;

    private final List<Review> reviews = new ArrayList<>();
    private final List<int[]> signatures = new ArrayList<>();
    private final Map<String, List<Integer>> byReviewer = new HashMap<>();
    private final Map<String, List<Integer>> byProduct = new HashMap<>();
    private final Map<Long, List<Integer>> buckets = new HashMap<>();

    /** Adds a review with its signature. */
    void add(Review review, int[] signature) {
        int index = reviews.size();
        reviews.add(review);
        signatures.add(signature);
        byReviewer.computeIfAbsent(review.reviewer(), r -> new ArrayList<>()).add(index);
        byProduct.computeIfAbsent(review.product(), p -> new ArrayList<>()).add(index);
        for (int band = 0; band < BANDS; band++) {
            buckets.computeIfAbsent(bandKey(signature, band), k -> new ArrayList<>()).add(index);
        }
    }

    List<Review> reviews() {
        return reviews;
    }

    List<int[]> signatures() {
        return signatures;
    }

    /** Reviews by this reviewer posted in {@code [time - window, time)}. */
    int reviewerCount(String reviewer, long time, long window) {
        int n = 0;
        for (int i : byReviewer.getOrDefault(reviewer, List.of())) {
            long t = reviews.get(i).time();
            n += t < time && t >= time - window ? 1 : 0;
        }
        return n;
    }

    /** Reviews of this product in {@code [time - window, time)} by accounts younger than {@code newAccountDays}. */
    int productNewAccountCount(String product, long time, long window, double newAccountDays) {
        int n = 0;
        for (int i : byProduct.getOrDefault(product, List.of())) {
            Review r = reviews.get(i);
            n += r.time() < time && r.time() >= time - window && r.accountKnown()
                    && r.accountAgeDays() < newAccountDays ? 1 : 0;
        }
        return n;
    }

    /** The earliest known creation time of this reviewer's account, or {@link Review#UNKNOWN}. */
    long accountCreated(String reviewer) {
        for (int i : byReviewer.getOrDefault(reviewer, List.of())) {
            if (reviews.get(i).accountKnown()) {
                return reviews.get(i).accountCreated();
            }
        }
        return Review.UNKNOWN;
    }

    /**
     * The most similar earlier text by another account, and how many earlier texts by other accounts reach
     * {@code threshold}.
     *
     * @return {max similarity, near copies}
     */
    double[] copies(int[] signature, String reviewer, long time, double threshold) {
        java.util.Set<Integer> candidates = new java.util.HashSet<>();
        for (int band = 0; band < BANDS; band++) {
            candidates.addAll(buckets.getOrDefault(bandKey(signature, band), List.of()));
        }
        double best = 0;
        int near = 0;
        for (int i : candidates) {
            Review r = reviews.get(i);
            if (r.time() >= time || r.reviewer().equals(reviewer)) {
                continue;
            }
            double s = MinHash.similarity(signature, signatures.get(i));
            best = Math.max(best, s);
            near += s >= threshold ? 1 : 0;
        }
        return new double[] {best, near};
    }

    private static long bandKey(int[] signature, int band) {
        long h = band;
        for (int k = band * ROWS; k < (band + 1) * ROWS; k++) {
            h = h * 1_000_003L + signature[k];
        }
        return h;
    }
}
