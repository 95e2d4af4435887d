package io.merx.benchmarks.forecasting;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monthly demand series for the throughput benchmark, reproducible from a seed and shaped like M3 monthly: 48 to
 * 144 values, a positive level, a trend that may flatten, a yearly season that is multiplicative, additive or
 * absent, and noise of 2-15 %.
 */
final class SyntheticSeries {

    private SyntheticSeries() {
    }

    static List<double[]> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> series = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int n = 48 + random.nextInt(97);
            double level = 100 + random.nextDouble() * 9_900;
            double slope = level * (random.nextDouble() - 0.3) * 0.02;
            double damping = random.nextBoolean() ? 1 : 0.9 + 0.08 * random.nextDouble();
            int seasonKind = random.nextInt(3); // 0 none, 1 multiplicative, 2 additive
            double amplitude = 0.05 + 0.3 * random.nextDouble();
            double phase = random.nextDouble() * 2 * Math.PI;
            double noise = 0.02 + 0.13 * random.nextDouble();
            double[] y = new double[n];
            double trend = 0;
            double step = slope;
            for (int t = 0; t < n; t++) {
                trend += step;
                step *= damping;
                double base = Math.max(level + trend, level * 0.1);
                double season = Math.sin(2 * Math.PI * t / 12 + phase) * amplitude;
                double mean = switch (seasonKind) {
                    case 1 -> base * (1 + season);
                    case 2 -> base + level * season;
                    default -> base;
                };
                y[t] = Math.max(1, mean * (1 + noise * gaussian(random)));
            }
            series.add(y);
        }
        return series;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
