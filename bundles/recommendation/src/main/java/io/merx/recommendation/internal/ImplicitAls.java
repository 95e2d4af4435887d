package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren, Volinsky 2008) by alternating least squares. Every
 * (user, item) cell has preference {@code p = 1} if the pair occurred and 0 otherwise, with confidence
 * {@code c = 1 + alpha * r}; the model minimises {@code sum c (p - x_u . y_i)^2 + lambda * (|X|^2 + |Y|^2)}.
 *
 * <p>Each half-sweep computes the Gram matrix {@code Y^T Y} once with ND4J, then solves every user (or item)
 * independently and in parallel: {@code (Y^T Y + Y^T (C_u - I) Y + lambda I) x_u = Y^T C_u p_u}, where only the
 * user's own items contribute to the middle term, either by a few warm-started conjugate-gradient steps that
 * never form the matrix (the default) or by forming it and solving exactly with Cholesky. Solves write disjoint rows and sums run in a fixed order, so a
 * run is deterministic for a fixed seed whatever the number of threads.
 */
public final class ImplicitAls {

    /** Users (or items) per parallel task: big enough to amortise scheduling, small enough to balance. */
    private static final int CHUNK = 64;
    private static final String CG = AlsConfig.CG;

    private final AlsConfig config;
    private double lastLoss = Double.NaN;

    public ImplicitAls(AlsConfig config) {
        this.config = config;
    }

    /**
     * Fits factors on training interactions, reporting the loss per iteration.
     *
     * @throws TrainingException when cancelled or when the factors stop being finite
     */
    public Factors fit(Interactions data, TrainingContext context) throws TrainingException {
        int k = config.rank();
        int users = data.userCount();
        int items = data.itemCount();
        Interactions.ItemMajor byItem = data.itemMajor();
        double[] x = new double[users * k];
        double[] y = randomUnitRows(items, k, config.seed());
        ForkJoinPool pool = new ForkJoinPool(config.workerThreads());
        try {
            for (int iteration = 1; iteration <= config.iterations(); iteration++) {
                checkCancelled(context, iteration);
                solveSide(pool, y, items, data.userPtr, data.items, data.weights, x, users);
                checkCancelled(context, iteration);
                solveSide(pool, x, users, byItem.ptr(), byItem.users(), byItem.weights(), y, items);
                double loss = loss(pool, data, x, y);
                if (!Double.isFinite(loss)) {
                    throw new TrainingException("ALS diverged at iteration " + iteration
                            + " (loss is not finite); raise regularisation or lower alpha");
                }
                lastLoss = loss;
                context.progress(0.05 + 0.95 * iteration / config.iterations(), String.format(Locale.ROOT,
                        "iteration %d/%d loss=%.6f", iteration, config.iterations(), loss));
            }
        } finally {
            pool.shutdown();
        }
        return new Factors(k, toFloats(x), toFloats(y));
    }

    /** The loss after the last iteration of {@link #fit}, per interaction. */
    public double lastLoss() {
        return lastLoss;
    }

    private static void checkCancelled(TrainingContext context, int iteration) throws TrainingException {
        if (context.isCancelled()) {
            throw new TrainingException("training cancelled at iteration " + iteration);
        }
    }

    /**
     * Solves every row of {@code target} given the fixed factors. {@code ptr/index/weight} list, for each target
     * row, the fixed rows it interacted with.
     */
    private void solveSide(ForkJoinPool pool, double[] fixed, int fixedRows, int[] ptr, int[] index, float[] weight,
            double[] target, int targetRows) throws TrainingException {
        int k = config.rank();
        double[] gram = gram(fixed, fixedRows, k);
        // The fixed side is read once per interaction from random rows: a float copy halves the memory traffic
        // (a rank-16 row is one cache line) and doubles the lanes of the rank-one updates. Solves stay in double.
        float[] fixedSingle = toFloats(fixed);
        int chunks = (targetRows + CHUNK - 1) / CHUNK;
        run(pool, () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Workspace ws = new Workspace(k);
            int end = Math.min(targetRows, (chunk + 1) * CHUNK);
            for (int row = chunk * CHUNK; row < end; row++) {
                if (CG.equals(config.solver())) {
                    solveCg(ws, gram, fixedSingle, ptr[row], ptr[row + 1], index, weight, target, row);
                } else {
                    solveExact(ws, gram, fixedSingle, ptr[row], ptr[row + 1], index, weight, target, row);
                }
            }
        }));
    }

    private double lambda(int count) {
        return config.scaleRegularisation() ? config.regularisation() * count : config.regularisation();
    }

    private void solveExact(Workspace ws, double[] gram, float[] fixed, int from, int to, int[] index,
            float[] weight, double[] target, int row) {
        int k = config.rank();
        int out = row * k;
        if (from == to) {
            Arrays.fill(target, out, out + k, 0.0);
            return;
        }
        float[] update = ws.update;
        double[] b = ws.b;
        Arrays.fill(update, 0f);
        Arrays.fill(b, 0.0);
        double alpha = config.alpha();
        for (int p = from; p < to; p++) {
            int off = index[p] * k;
            double c = 1 + alpha * weight[p];
            float extra = (float) (c - 1);
            for (int i = 0; i < k; i++) {
                float yi = fixed[off + i];
                b[i] += c * yi;
                float s = extra * yi;
                int rowI = i * k;
                // Full rows rather than the triangle: a fixed-length axpy the JIT vectorises, faster at these sizes.
                for (int j = 0; j < k; j++) {
                    update[rowI + j] += s * fixed[off + j];
                }
            }
        }
        double[] a = ws.a;
        for (int i = 0; i < k * k; i++) {
            a[i] = gram[i] + update[i];
        }
        double lambda = lambda(to - from);
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
        }
        if (lambda == 0) {
            SmallSolver.ridge(a, k, 1e-9);
        }
        SmallSolver.solve(a, b, k);
        System.arraycopy(b, 0, target, out, k);
    }

    /** A few conjugate-gradient steps on the same system, warm-started from the previous solution. */
    private void solveCg(Workspace ws, double[] gram, float[] fixed, int from, int to, int[] index, float[] weight,
            double[] target, int row) {
        int k = config.rank();
        int out = row * k;
        if (from == to) {
            Arrays.fill(target, out, out + k, 0.0);
            return;
        }
        double lambda = Math.max(lambda(to - from), 1e-9);
        double alpha = config.alpha();
        double[] x = ws.x;
        double[] r = ws.b;
        double[] p = ws.p;
        double[] ap = ws.ap;
        System.arraycopy(target, out, x, 0, k);
        // r = b - A x, with A x = G x + lambda x + sum (c - 1)(y . x) y and b = sum c y
        multiply(gram, x, r, k);
        for (int i = 0; i < k; i++) {
            r[i] = -r[i] - lambda * x[i];
        }
        for (int q = from; q < to; q++) {
            int off = index[q] * k;
            double c = 1 + alpha * weight[q];
            double dot = dot(fixed, off, x, k);
            double s = c - (c - 1) * dot;
            for (int i = 0; i < k; i++) {
                r[i] += s * fixed[off + i];
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        double rsOld = dot(r, 0, r, k);
        for (int step = 0; step < config.cgSteps() && rsOld > 1e-20; step++) {
            multiply(gram, p, ap, k);
            for (int i = 0; i < k; i++) {
                ap[i] += lambda * p[i];
            }
            for (int q = from; q < to; q++) {
                int off = index[q] * k;
                double s = alpha * weight[q] * dot(fixed, off, p, k);
                for (int i = 0; i < k; i++) {
                    ap[i] += s * fixed[off + i];
                }
            }
            double step1 = rsOld / dot(p, 0, ap, k);
            for (int i = 0; i < k; i++) {
                x[i] += step1 * p[i];
                r[i] -= step1 * ap[i];
            }
            double rsNew = dot(r, 0, r, k);
            double beta = rsNew / rsOld;
            for (int i = 0; i < k; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rsOld = rsNew;
        }
        System.arraycopy(x, 0, target, out, k);
    }

    private static void multiply(double[] m, double[] v, double[] out, int k) {
        for (int i = 0; i < k; i++) {
            out[i] = dot(m, i * k, v, k);
        }
    }

    private static double dot(double[] a, int off, double[] v, int k) {
        return dot(a, off, v, 0, k);
    }

    /** {@link #dot(double[], int, double[], int, int)} for a float row. */
    private static double dot(float[] a, int off, double[] v, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < k; i += 4) {
            s0 += a[off + i] * v[i];
            s1 += a[off + i + 1] * v[i + 1];
            s2 += a[off + i + 2] * v[i + 2];
            s3 += a[off + i + 3] * v[i + 3];
        }
        for (; i < k; i++) {
            s0 += a[off + i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The objective divided by the number of interactions. The sum over all cells of {@code (x . y)^2} is
     * {@code trace(X^T X Y^T Y)}, so only observed cells are visited.
     */
    private double loss(ForkJoinPool pool, Interactions data, double[] x, double[] y) throws TrainingException {
        int k = config.rank();
        int users = data.userCount();
        double[] xtx = gram(x, users, k);
        double[] yty = gram(y, data.itemCount(), k);
        double all = 0;
        for (int i = 0; i < k * k; i++) {
            all += xtx[i] * yty[i];
        }
        int chunks = (users + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        double alpha = config.alpha();
        run(pool, () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            double sum = 0;
            int end = Math.min(users, (chunk + 1) * CHUNK);
            for (int u = chunk * CHUNK; u < end; u++) {
                int from = data.userPtr[u];
                int to = data.userPtr[u + 1];
                for (int q = from; q < to; q++) {
                    double s = dot(x, u * k, y, data.items[q] * k, k);
                    double c = 1 + alpha * data.weights[q];
                    sum += c * (1 - s) * (1 - s) - s * s;
                }
                sum += lambda(to - from) * dot(x, u * k, x, u * k, k);
            }
            partial[chunk] = sum;
        }));
        double observed = 0;
        for (double part : partial) {
            observed += part;
        }
        int[] degrees = data.itemDegrees();
        double itemPenalty = 0;
        for (int i = 0; i < degrees.length; i++) {
            itemPenalty += lambda(degrees[i]) * dot(y, i * k, y, i * k, k);
        }
        return (all + observed + itemPenalty) / data.size();
    }

    /**
     * Dot product with four independent accumulators: a single running sum would chain every addition on the
     * previous one's latency, and the JIT may not reorder floating-point sums itself. The order is fixed, so
     * results stay deterministic.
     */
    private static double dot(double[] a, int offA, double[] b, int offB, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < k; i += 4) {
            s0 += a[offA + i] * b[offB + i];
            s1 += a[offA + i + 1] * b[offB + i + 1];
            s2 += a[offA + i + 2] * b[offB + i + 2];
            s3 += a[offA + i + 3] * b[offB + i + 3];
        }
        for (; i < k; i++) {
            s0 += a[offA + i] * b[offB + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code F^T F} for a row-major n x k matrix, computed by ND4J's BLAS. */
    static double[] gram(double[] factors, int rows, int k) {
        if (rows == 0) {
            return new double[k * k];
        }
        try (INDArray flat = Nd4j.createFromArray(factors); INDArray f = flat.reshape('c', rows, k);
                INDArray g = f.transpose().mmul(f)) {
            // The product is symmetric, so its buffer reads the same in either storage order.
            double[] out = g.data().asDouble();
            if (out.length != k * k) {
                throw new IllegalStateException("Gram matrix buffer holds " + out.length + " values, expected " + k * k);
            }
            return out;
        }
    }

    private static void run(ForkJoinPool pool, Runnable work) throws TrainingException {
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new TrainingException("ALS solve failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Gaussian rows scaled to unit length, as Spark initialises its factors. */
    static double[] randomUnitRows(int rows, int k, long seed) {
        Random random = new Random(seed);
        double[] m = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int i = 0; i < k; i++) {
                double v = random.nextGaussian();
                m[r * k + i] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                m[r * k + i] /= norm;
            }
        }
        return m;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Per-thread scratch space for one chunk of solves. */
    private static final class Workspace {
        final double[] a;
        final float[] update;
        final double[] b;
        final double[] x;
        final double[] p;
        final double[] ap;

        Workspace(int k) {
            a = new double[k * k];
            update = new float[k * k];
            b = new double[k];
            x = new double[k];
            p = new double[k];
            ap = new double[k];
        }
    }
}
