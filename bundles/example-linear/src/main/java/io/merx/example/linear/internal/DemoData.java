package io.merx.example.linear.internal;

import java.util.Random;

import io.merx.api.Dataset;

/**
 * Generated demo data: house prices (in thousands) from size, rooms and age, with noise. The true coefficients
 * are known, so tests can check that training recovers them.
 */
public final class DemoData {

    /** Price = 50 + 1.2 * sqm + 8 * rooms - 0.9 * age + noise(sd 10). */
    public static final double INTERCEPT = 50;
    public static final double PER_SQM = 1.2;
    public static final double PER_ROOM = 8;
    public static final double PER_YEAR = -0.9;

    private DemoData() {
    }

    public static Dataset houses(int rows, long seed) {
        Random random = new Random(seed);
        double[] sqm = new double[rows];
        double[] roomCount = new double[rows];
        double[] age = new double[rows];
        double[] price = new double[rows];
        for (int i = 0; i < rows; i++) {
            sqm[i] = 30 + random.nextDouble() * 170;
            roomCount[i] = Math.max(1, Math.round(sqm[i] / 30 + random.nextGaussian()));
            age[i] = Math.floor(random.nextDouble() * 80);
            price[i] = INTERCEPT + PER_SQM * sqm[i] + PER_ROOM * roomCount[i] + PER_YEAR * age[i]
                    + 10 * random.nextGaussian();
        }
        return Dataset.builder().numbers("sqm", sqm).numbers("rooms", roomCount).numbers("age", age)
                .numbers("price", price).build();
    }
}
