package io.merx.recommendation.internal;

import java.util.Arrays;

/**
 * A train/test split of interactions for offline evaluation.
 *
 * <ul>
 * <li>{@code leave-last-out}: each user with at least two items gives up their latest one (by timestamp, else by
 * row order) to the test set;</li>
 * <li>{@code time}: the latest {@code testFraction} of pairs (by timestamp, else by row order) form the test
 * set.</li>
 * </ul>
 * Test items are never among the user's training items (pairs are unique after aggregation).
 *
 * @param train the training pairs, same user and item numbering as the full data
 * @param test per user, the held-out items (sorted), empty for users without any
 */
public record Split(Interactions train, int[][] test) {

    public static final String LEAVE_LAST_OUT = "leave-last-out";
    public static final String TIME = "time";
    public static final String NONE = "none";

    /** Splits as the {@code split} hyper-parameter says. */
    public static Split of(Interactions all, String mode, double testFraction) {
        return switch (mode) {
            case LEAVE_LAST_OUT -> leaveLastOut(all);
            case TIME -> byTime(all, testFraction);
            default -> throw new IllegalArgumentException("hyper-parameter 'split' has no split '" + mode + "'");
        };
    }

    static Split leaveLastOut(Interactions all) {
        boolean[] keep = new boolean[all.size()];
        Arrays.fill(keep, true);
        int[][] test = new int[all.userCount()][];
        for (int user = 0; user < all.userCount(); user++) {
            int from = all.userPtr[user];
            int to = all.userPtr[user + 1];
            if (to - from < 2) {
                test[user] = new int[0];
                continue;
            }
            int last = from;
            for (int p = from + 1; p < to; p++) {
                if (all.times[p] > all.times[last]
                        || (all.times[p] == all.times[last] && all.lastRows[p] > all.lastRows[last])) {
                    last = p;
                }
            }
            keep[last] = false;
            test[user] = new int[] {all.items[last]};
        }
        return new Split(all.keep(keep), test);
    }

    static Split byTime(Interactions all, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("hyper-parameter 'testFraction' must be in (0, 1) for a time split, got "
                    + testFraction);
        }
        double[] sorted = all.times.clone();
        Arrays.sort(sorted);
        int cut = (int) Math.floor(sorted.length * (1 - testFraction));
        double cutoff = sorted[Math.min(cut, sorted.length - 1)];
        boolean[] keep = new boolean[all.size()];
        int[][] test = new int[all.userCount()][];
        for (int user = 0; user < all.userCount(); user++) {
            int held = 0;
            for (int p = all.userPtr[user]; p < all.userPtr[user + 1]; p++) {
                keep[p] = all.times[p] < cutoff;
                held += keep[p] ? 0 : 1;
            }
            int[] items = new int[held];
            int n = 0;
            for (int p = all.userPtr[user]; p < all.userPtr[user + 1]; p++) {
                if (!keep[p]) {
                    items[n++] = all.items[p];
                }
            }
            Arrays.sort(items);
            test[user] = items;
        }
        return new Split(all.keep(keep), test);
    }

    /** Users that have test items and at least one training item, i.e. that a model can be judged on. */
    public int[] evaluableUsers() {
        int[] users = new int[test.length];
        int n = 0;
        for (int user = 0; user < test.length; user++) {
            if (test[user].length > 0 && train.degree(user) > 0) {
                users[n++] = user;
            }
        }
        return Arrays.copyOf(users, n);
    }
}
