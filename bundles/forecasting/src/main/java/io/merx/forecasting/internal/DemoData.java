package io.merx.forecasting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.merx.api.Dataset;

/**
 * Generated monthly retail unit sales: SKUs with a level, a trend, a yearly season with a December peak,
 * occasional promotions (one to two months at 1.4-2x), count noise; every sixth SKU sells intermittently
 * (about one month in three), and SKU-002 misses two months (NaN) to show interpolation. Fixed seed, so the demo
 * model is the same on every machine.
 */
final class DemoData {

    private DemoData() {
    }

    static Dataset retail(int skus, int months, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        LocalDate start = LocalDate.of(2021, 1, 1);
        for (int s = 1; s <= skus; s++) {
            String id = String.format("SKU-%03d", s);
            boolean intermittent = s % 6 == 0;
            double level = Math.exp(3 + 3 * random.nextDouble());
            double trend = (random.nextDouble() - 0.3) * 0.015;
            double amplitude = 0.1 + 0.3 * random.nextDouble();
            double phase = random.nextDouble() * 2 * Math.PI;
            int promoUntil = -1;
            double uplift = 1;
            for (int t = 0; t < months; t++) {
                LocalDate date = start.plusMonths(t);
                double value;
                if (intermittent) {
                    value = random.nextDouble() < 0.3 ? 1 + poisson(random, 3) : 0;
                } else {
                    if (t > promoUntil && random.nextDouble() < 0.06) {
                        promoUntil = t + random.nextInt(2);
                        uplift = 1.4 + 0.6 * random.nextDouble();
                    }
                    double season = 1 + amplitude * Math.sin(2 * Math.PI * date.getMonthValue() / 12.0 + phase)
                            + (date.getMonthValue() == 12 ? 0.25 : 0);
                    double mean = level * Math.pow(1 + trend, t) * season * (t <= promoUntil ? uplift : 1);
                    value = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
                }
                if (s == 2 && (t == 20 || t == 21)) {
                    value = Double.NaN;
                }
                ids.add(id);
                dates.add(date.toString());
                values.add(value);
            }
        }
        return Dataset.builder()
                .strings("series", ids.toArray(new String[0]))
                .strings("t", dates.toArray(new String[0]))
                .numbers("value", values.stream().mapToDouble(Double::doubleValue).toArray())
                .build();
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
