package ${package}.internal;

import java.util.Random;

import io.merx.api.Dataset;

/** Generated shop visits: pages viewed, minutes on site, past orders, and whether the visit ended in a purchase. */
final class DemoData {

    private DemoData() {
    }

    static Dataset visits(int rows, long seed) {
        Random random = new Random(seed);
        double[] pages = new double[rows];
        double[] minutes = new double[rows];
        double[] pastOrders = new double[rows];
        double[] bought = new double[rows];
        for (int i = 0; i < rows; i++) {
            pages[i] = 1 + random.nextInt(30);
            minutes[i] = Math.round(random.nextDouble() * 40 * 10) / 10.0;
            pastOrders[i] = random.nextInt(6);
            double logit = -4 + 0.12 * pages[i] + 0.05 * minutes[i] + 0.6 * pastOrders[i];
            bought[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return Dataset.builder().numbers("pages", pages).numbers("minutes", minutes)
                .numbers("pastOrders", pastOrders).numbers("bought", bought).build();
    }
}
