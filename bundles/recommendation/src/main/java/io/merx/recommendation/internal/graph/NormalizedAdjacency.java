package io.merx.recommendation.internal.graph;

import java.util.stream.IntStream;

/**
 * LightGCN's propagation matrix {@code A_hat = D^-1/2 A D^-1/2} of the user-item bipartite graph, as symmetric CSR
 * over the nodes: users are nodes {@code 0..users-1}, items {@code users..users+items-1}, one edge per distinct
 * (user, item) pair with weight {@code 1 / sqrt(deg(user) deg(item))}.
 *
 * <p>The product with a dense {@code nodes x d} matrix is a tight Java loop, parallel over blocks of rows: ND4J
 * 1.0.0-M2.1 has no usable sparse-dense product on CPU, and every row of the result is written by one thread from
 * read-only inputs, so the result is the same whatever the thread count.
 */
public final class NormalizedAdjacency {

    private static final int ROWS_PER_TASK = 512;

    final int nodes;
    final int[] ptr;
    final int[] columns;
    final float[] values;

    private NormalizedAdjacency(int nodes, int[] ptr, int[] columns, float[] values) {
        this.nodes = nodes;
        this.ptr = ptr;
        this.columns = columns;
        this.values = values;
    }

    /**
     * The matrix of a user-major CSR interaction list.
     *
     * @param userPtr entries of user {@code u} are {@code userItems[userPtr[u] .. userPtr[u+1]-1]}
     * @param userItems item indices, distinct per user
     */
    public static NormalizedAdjacency of(int users, int items, int[] userPtr, int[] userItems) {
        int nodes = users + items;
        int[] degree = new int[nodes];
        for (int u = 0; u < users; u++) {
            degree[u] = userPtr[u + 1] - userPtr[u];
        }
        for (int item : userItems) {
            degree[users + item]++;
        }
        int[] ptr = new int[nodes + 1];
        for (int n = 0; n < nodes; n++) {
            ptr[n + 1] = ptr[n] + degree[n];
        }
        int[] fill = new int[nodes];
        System.arraycopy(ptr, 0, fill, 0, nodes);
        int[] columns = new int[ptr[nodes]];
        float[] values = new float[ptr[nodes]];
        for (int u = 0; u < users; u++) {
            for (int p = userPtr[u]; p < userPtr[u + 1]; p++) {
                int itemNode = users + userItems[p];
                float w = (float) (1 / Math.sqrt((double) degree[u] * degree[itemNode]));
                columns[fill[u]] = itemNode;
                values[fill[u]++] = w;
                columns[fill[itemNode]] = u;
                values[fill[itemNode]++] = w;
            }
        }
        return new NormalizedAdjacency(nodes, ptr, columns, values);
    }

    public int nodes() {
        return nodes;
    }

    /** Stored entries: twice the number of edges. */
    public int entries() {
        return columns.length;
    }

    /** {@code out = A_hat in}, both {@code nodes x d} row-major; {@code out} is overwritten. */
    public void multiply(float[] in, float[] out, int d) {
        int tasks = (nodes + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int to = Math.min(nodes, (t + 1) * ROWS_PER_TASK);
            for (int row = t * ROWS_PER_TASK; row < to; row++) {
                int o = row * d;
                for (int c = 0; c < d; c++) {
                    out[o + c] = 0;
                }
                for (int p = ptr[row]; p < ptr[row + 1]; p++) {
                    float w = values[p];
                    int i = columns[p] * d;
                    for (int c = 0; c < d; c++) {
                        out[o + c] += w * in[i + c];
                    }
                }
            }
        });
    }

    /**
     * LightGCN's layer combination {@code sum_{k=0..K} A_hat^k x / (K + 1)}. Because {@code A_hat} is symmetric the
     * same map sends the gradient with respect to its output back to the gradient with respect to {@code x}.
     */
    public float[] propagate(float[] x, int d, int layers) {
        float[] sum = x.clone();
        float[] current = x;
        float[] next = new float[x.length];
        for (int k = 1; k <= layers; k++) {
            multiply(current, next, d);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += next[i];
            }
            if (current == x) {
                current = next;
                next = new float[x.length];
            } else {
                float[] swap = current;
                current = next;
                next = swap;
            }
        }
        float scale = 1f / (layers + 1);
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }
}
