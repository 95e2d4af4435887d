package io.merx.forecasting.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The trained global multilayer perceptron: the last {@code window} values of a series, divided by their mean
 * absolute value, map to the next {@code horizon} values on the same scale. DL4J trains it
 * ({@link MlpTrainer}); inference runs here in plain Java on the exported weights because the matrices are tiny
 * (a few thousand multiply-adds per forecast), which keeps the scorer free of native memory and of DL4J's
 * non-thread-safe network state. Interval offsets are quantiles of scaled errors on the held-out last
 * {@code horizon} points of the training series, one set per step ahead.
 */
final class MlpNetwork {

    private final int window;
    private final int horizon;
    /** weights[layer][in * nOut + out]. */
    private final double[][] weights;
    private final double[][] biases;
    private final int[] sizes;
    /** quantiles[k][step] for probabilities 0.1, 0.9, 0.025, 0.975. */
    private final double[][] quantiles;

    MlpNetwork(int window, int horizon, int[] sizes, double[][] weights, double[][] biases, double[][] quantiles) {
        this.window = window;
        this.horizon = horizon;
        this.sizes = sizes.clone();
        this.weights = weights;
        this.biases = biases;
        this.quantiles = quantiles;
        if (sizes[0] != window || sizes[sizes.length - 1] != horizon) {
            throw new IllegalArgumentException("layer sizes " + java.util.Arrays.toString(sizes)
                    + " do not match window " + window + " and horizon " + horizon);
        }
    }

    MlpNetwork withQuantiles(double[][] newQuantiles) {
        return new MlpNetwork(window, horizon, sizes, weights, biases, newQuantiles);
    }

    int window() {
        return window;
    }

    int horizon() {
        return horizon;
    }

    /** The last {@code window} values of y, left-padded with the first value when y is shorter. */
    double[] lastWindow(double[] y, int end) {
        double[] x = new double[window];
        for (int i = 0; i < window; i++) {
            int t = end - window + i;
            x[i] = y[Math.max(0, Math.min(t, end - 1))];
        }
        return x;
    }

    static double scaleOf(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += Math.abs(v);
        }
        return sum > 0 ? sum / x.length : 1;
    }

    /** One forward pass: the next {@code horizon} values after the given window, in original units. */
    double[] predict(double[] windowValues) {
        double scale = scaleOf(windowValues);
        double[] a = new double[window];
        for (int i = 0; i < window; i++) {
            a[i] = windowValues[i] / scale - 1;
        }
        for (int layer = 0; layer < weights.length; layer++) {
            int nIn = sizes[layer];
            int nOut = sizes[layer + 1];
            double[] z = biases[layer].clone();
            double[] w = weights[layer];
            for (int i = 0; i < nIn; i++) {
                double ai = a[i];
                if (ai == 0) {
                    continue;
                }
                int row = i * nOut;
                for (int j = 0; j < nOut; j++) {
                    z[j] += ai * w[row + j];
                }
            }
            if (layer < weights.length - 1) {
                for (int j = 0; j < nOut; j++) {
                    z[j] = Math.max(0, z[j]);
                }
            }
            a = z;
        }
        double[] out = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            out[j] = (a[j] + 1) * scale;
        }
        return out;
    }

    /**
     * Forecasts h steps after the history: direct for the first {@code horizon} steps, then recursively feeding
     * forecasts back as inputs. Beyond the trained horizon the last step's error quantiles widen with
     * sqrt(step / horizon).
     */
    Forecast forecast(double[] history, int h) {
        double scale = scaleOf(lastWindow(history, history.length));
        double[] extended = java.util.Arrays.copyOf(history, history.length + h + horizon);
        int filled = history.length;
        while (filled < history.length + h) {
            double[] next = predict(lastWindow(extended, filled));
            System.arraycopy(next, 0, extended, filled, horizon);
            filled += horizon;
        }
        double[] mean = java.util.Arrays.copyOfRange(extended, history.length, history.length + h);
        double[][] bounds = new double[4][h];
        for (int i = 0; i < h; i++) {
            int step = Math.min(i, horizon - 1);
            double widen = i < horizon ? 1 : Math.sqrt((i + 1.0) / horizon);
            for (int k = 0; k < 4; k++) {
                bounds[k][i] = mean[i] + quantiles[k][step] * scale * widen;
            }
        }
        return new Forecast(mean, bounds[0], bounds[1], bounds[2], bounds[3], "residual-quantiles");
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(window);
        out.writeInt(horizon);
        out.writeInt(sizes.length);
        for (int size : sizes) {
            out.writeInt(size);
        }
        for (int layer = 0; layer < weights.length; layer++) {
            SeriesCodec.writeArray(out, weights[layer]);
            SeriesCodec.writeArray(out, biases[layer]);
        }
        for (double[] q : quantiles) {
            SeriesCodec.writeArray(out, q);
        }
    }

    static MlpNetwork read(DataInputStream in) throws IOException {
        int window = in.readInt();
        int horizon = in.readInt();
        int[] sizes = new int[in.readInt()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = in.readInt();
        }
        double[][] weights = new double[sizes.length - 1][];
        double[][] biases = new double[sizes.length - 1][];
        for (int layer = 0; layer < weights.length; layer++) {
            weights[layer] = SeriesCodec.readArray(in);
            biases[layer] = SeriesCodec.readArray(in);
            if (weights[layer].length != sizes[layer] * sizes[layer + 1] || biases[layer].length != sizes[layer + 1]) {
                throw new IOException("layer " + layer + " has the wrong number of weights");
            }
        }
        double[][] quantiles = new double[4][];
        for (int k = 0; k < 4; k++) {
            quantiles[k] = SeriesCodec.readArray(in);
        }
        return new MlpNetwork(window, horizon, sizes, weights, biases, quantiles);
    }
}
