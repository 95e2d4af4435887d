package io.merx.recommendation.internal;

import java.util.Arrays;

/** Each user's distinct items in the order they last occurred (by timestamp, then row), oldest first. */
final class UserSequences {

    private UserSequences() {
    }

    static int[][] of(Interactions data) {
        int[][] sequences = new int[data.userCount()][];
        for (int user = 0; user < data.userCount(); user++) {
            int from = data.userPtr[user];
            int n = data.userPtr[user + 1] - from;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (a, b) -> data.times[a] != data.times[b] ? Double.compare(data.times[a], data.times[b])
                    : Integer.compare(data.lastRows[a], data.lastRows[b]));
            int[] seq = new int[n];
            for (int i = 0; i < n; i++) {
                seq[i] = data.items[order[i]];
            }
            sequences[user] = seq;
        }
        return sequences;
    }
}
