package io.merx.graph.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.merx.api.Dataset;

/**
 * A synthetic shop for ingestion and scale runs: orders / 5 customers, 20,000 products in 100 categories with a
 * Zipf-like popularity, 1-5 lines per order, and complementary partners bought together 40% of the time.
 */
final class Synthetic {

    private static final int PRODUCTS = 20_000;
    private static final int CATEGORIES = 100;

    private Synthetic() {
    }

    static Dataset orders(int orders, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int customers = Math.max(10, orders / 5);
        List<String> order = new ArrayList<>();
        List<String> customer = new ArrayList<>();
        List<String> product = new ArrayList<>();
        List<String> category = new ArrayList<>();
        List<String> date = new ArrayList<>();
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int o = 0; o < orders; o++) {
            String c = "c" + random.nextInt(customers);
            int lines = 1 + random.nextInt(5);
            int p = zipf(random);
            String d = start.plusDays(random.nextInt(365)).toString();
            List<Integer> seen = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                if (!seen.contains(p)) {
                    seen.add(p);
                    order.add("o" + o);
                    customer.add(c);
                    product.add("p" + p);
                    category.add("k" + (p % CATEGORIES));
                    date.add(d);
                }
                p = random.nextDouble() < 0.4 ? (p * 7 + 13) % PRODUCTS : zipf(random);
            }
        }
        return Dataset.builder().strings("order_id", order.toArray(String[]::new))
                .strings("customer_id", customer.toArray(String[]::new))
                .strings("product_id", product.toArray(String[]::new))
                .strings("category", category.toArray(String[]::new))
                .strings("order_date", date.toArray(String[]::new)).build();
    }

    /** Popularity falling roughly as 1/rank. */
    private static int zipf(SplittableRandom random) {
        return (int) Math.min(PRODUCTS - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(PRODUCTS))) - 1);
    }
}
