package io.merx.forecasting.internal;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A compact Nelder-Mead simplex minimiser. Smoothing-model likelihoods are cheap scalar recursions with a few
 * parameters and box constraints expressed as an infinite objective outside, which is exactly where a
 * derivative-free simplex works well (R's {@code forecast::ets} uses the same method). The simplex and the trial
 * points live in arrays allocated once per call: the objective is evaluated thousands of times per model.
 */
final class NelderMead {

    private NelderMead() {
    }

    /**
     * Minimises {@code f} from {@code start}, with initial simplex steps {@code steps}.
     *
     * @return the best point found; its value is {@code f} of it
     */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double[] steps, int maxEvaluations,
            double tolerance) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        values[0] = f.applyAsDouble(simplex[0]);
        for (int i = 0; i < d; i++) {
            double[] point = start.clone();
            point[i] += steps[i];
            simplex[i + 1] = point;
            values[i + 1] = f.applyAsDouble(point);
        }
        int evaluations = d + 1;
        double[] centroid = new double[d];
        // Trial points; an accepted one swaps places with the worst vertex, whose array becomes the next spare.
        double[] reflected = new double[d];
        double[] trial = new double[d];
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            double best = values[0];
            double worst = values[d];
            if (Double.isFinite(worst) && Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) {
                break;
            }
            Arrays.fill(centroid, 0);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            along(centroid, simplex[d], -1, reflected);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[0]) {
                along(centroid, simplex[d], -2, trial);
                double fe = f.applyAsDouble(trial);
                evaluations++;
                if (fe < fr) {
                    trial = replace(simplex, values, d, trial, fe);
                } else {
                    reflected = replace(simplex, values, d, reflected, fr);
                }
            } else if (fr < values[d - 1]) {
                reflected = replace(simplex, values, d, reflected, fr);
            } else {
                boolean outside = fr < values[d];
                along(centroid, outside ? reflected : simplex[d], 0.5, trial);
                double fc = f.applyAsDouble(trial);
                evaluations++;
                if (fc < Math.min(fr, values[d])) {
                    trial = replace(simplex, values, d, trial, fc);
                } else {
                    for (int i = 1; i <= d; i++) {
                        along(simplex[0], simplex[i], 0.5, simplex[i]);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                    evaluations += d;
                }
            }
        }
        sort(simplex, values);
        return simplex[0];
    }

    /** result = centroid + t * (point - centroid); result may be point itself. */
    private static void along(double[] centroid, double[] point, double t, double[] result) {
        for (int j = 0; j < result.length; j++) {
            result[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
    }

    /** Puts the point in at index and returns the array it displaced, for reuse as scratch. */
    private static double[] replace(double[][] simplex, double[] values, int index, double[] point, double value) {
        double[] displaced = simplex[index];
        simplex[index] = point;
        values[index] = value;
        return displaced;
    }

    /** Insertion sort by value; NaN counts as worst. The simplex is tiny. */
    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double[] p = simplex[i];
            int j = i - 1;
            while (j >= 0 && worse(values[j], v)) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }

    private static boolean worse(double a, double b) {
        return Double.isNaN(a) ? !Double.isNaN(b) : a > b;
    }
}
