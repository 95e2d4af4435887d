package io.merx.recommendation.internal;

/**
 * What the sequential kind adds to {@link ModelData}: the trained network and each user's latest
 * {@code maxLength} training items in time order ({@code tailItems[tailPtr[u] .. tailPtr[u+1]-1]}, oldest first),
 * so that a request's recent items can be appended and the whole re-encoded.
 */
record SequenceModel(SasrecNetwork network, int[] tailPtr, int[] tailItems) {

    /** The encoding of user {@code user}'s training tail (none when -1) followed by {@code recent[0..count-1]}. */
    float[] encode(int user, int[] recent, int count) {
        int from = user >= 0 ? tailPtr[user] : 0;
        int own = user >= 0 ? tailPtr[user + 1] - from : 0;
        int[] seq = new int[own + count];
        System.arraycopy(tailItems, from, seq, 0, own);
        System.arraycopy(recent, 0, seq, own, count);
        return network.encode(seq, 0, seq.length);
    }

    /** Latest {@code maxLength} items of each ordered sequence. */
    static SequenceModel of(SasrecNetwork network, int[][] sequences) {
        int[] ptr = new int[sequences.length + 1];
        for (int u = 0; u < sequences.length; u++) {
            ptr[u + 1] = ptr[u] + Math.min(sequences[u].length, network.maxLength);
        }
        int[] items = new int[ptr[sequences.length]];
        for (int u = 0; u < sequences.length; u++) {
            int n = ptr[u + 1] - ptr[u];
            System.arraycopy(sequences[u], sequences[u].length - n, items, ptr[u], n);
        }
        return new SequenceModel(network, ptr, items);
    }
}
