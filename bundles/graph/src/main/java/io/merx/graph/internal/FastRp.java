package io.merx.graph.internal;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fast Random Projection (Chen et al., 2019) on an undirected weighted graph: a very sparse random matrix R
 * (entries ±sqrt(3) with probability 1/6 each, else 0) is propagated along the degree-normalised adjacency,
 * {@code N_k = D^-1 A N_(k-1)}, each {@code N_k} L2-normalised per row, and the embedding is
 * {@code sum_k w_k N_k}, L2-normalised. The sparse product walks the CSR index arrays; the dense work
 * (normalisation, weighting, summing) is ND4J.
 */
final class FastRp {

    private FastRp() {
    }

    /** A symmetric graph in compressed sparse rows. */
    record Csr(int nodes, int[] offsets, int[] targets, float[] weights) {
    }

    /**
     * @param weights {@code w_0..w_K}: the weight of R itself, then of each propagation step
     * @return an n x dimension FLOAT matrix; the caller closes it
     */
    static INDArray embed(Csr graph, int dimension, double[] weights, long seed) {
        int n = graph.nodes();
        float[] current = randomProjection(n, dimension, seed);
        INDArray embedding = Nd4j.zeros(DataType.FLOAT, n, dimension);
        for (int k = 0; k < weights.length; k++) {
            if (k > 0) {
                current = propagate(graph, current, dimension);
            }
            try (INDArray step = Nd4j.create(current, new long[] {n, dimension}, DataType.FLOAT)) {
                normaliseRows(step);
                current = step.data().asFloat();
                if (weights[k] != 0) {
                    embedding.addi(step.mul(weights[k]));
                }
            }
        }
        normaliseRows(embedding);
        return embedding;
    }

    static void normaliseRows(INDArray matrix) {
        try (INDArray norms = matrix.norm2(1).reshape(matrix.rows(), 1)) {
            norms.addi(1e-12);
            matrix.diviColumnVector(norms);
        }
    }

    private static float[] randomProjection(int n, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] r = new float[n * dimension];
        float value = (float) Math.sqrt(3);
        for (int i = 0; i < r.length; i++) {
            double u = random.nextDouble();
            r[i] = u < 1.0 / 6 ? value : u < 2.0 / 6 ? -value : 0f;
        }
        return r;
    }

    /** {@code D^-1 A X} over the CSR arrays; isolated nodes keep a zero row. */
    private static float[] propagate(Csr graph, float[] x, int dimension) {
        float[] out = new float[x.length];
        for (int v = 0; v < graph.nodes(); v++) {
            int from = graph.offsets()[v];
            int to = graph.offsets()[v + 1];
            float degree = 0;
            for (int e = from; e < to; e++) {
                degree += graph.weights()[e];
            }
            if (degree == 0) {
                continue;
            }
            int row = v * dimension;
            for (int e = from; e < to; e++) {
                float w = graph.weights()[e] / degree;
                int source = graph.targets()[e] * dimension;
                for (int d = 0; d < dimension; d++) {
                    out[row + d] += w * x[source + d];
                }
            }
        }
        return out;
    }
}
