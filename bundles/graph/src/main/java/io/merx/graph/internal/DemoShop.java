package io.merx.graph.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.merx.api.Dataset;

/**
 * A generated shop with structure the graph kinds can find: products in categories with complementary partners
 * (a printer and its toner) that customers buy together, customers who stick to a few categories, and account
 * identifiers (device, address, card, ip) with planted fraud rings that share them, one shared office IP too
 * common to mean anything, and a known-fraud flag on some ring members. Fixed seed: the same data every time.
 * Every row names graph {@code demo}, so demo models never mix with real data.
 */
final class DemoShop {

    static final int DEFAULT_ORDERS = 2_000;
    static final long DEFAULT_SEED = 8L;
    static final int CATEGORIES = 8;
    static final int PER_CATEGORY = 15;
    static final int CUSTOMERS = 400;
    static final int RINGS = 6;
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 90;

    private DemoShop() {
    }

    /** The demo data in graph {@code demo}. */
    static Dataset generate(int orders, long seed) {
        return generate(orders, seed, "demo");
    }

    /** The demo data in the named graph. */
    static Dataset generate(int orders, long seed, String graph) {
        SplittableRandom random = new SplittableRandom(seed);
        int products = CATEGORIES * PER_CATEGORY;
        int[][] preferred = new int[CUSTOMERS][2];
        for (int c = 0; c < CUSTOMERS; c++) {
            preferred[c][0] = random.nextInt(CATEGORIES);
            preferred[c][1] = (preferred[c][0] + 1 + random.nextInt(CATEGORIES - 1)) % CATEGORIES;
        }
        // Ring members: consecutive customers from 300 on; ring r has 4 + r accounts.
        int[] ring = new int[CUSTOMERS];
        java.util.Arrays.fill(ring, -1);
        int next = 300;
        for (int r = 0; r < RINGS && next < CUSTOMERS; r++) {
            for (int m = 0; m < 4 + r && next < CUSTOMERS; m++) {
                ring[next++] = r;
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            // Every customer orders at least once; afterwards low ids order more often (a long tail).
            int c = o < CUSTOMERS ? o : (int) Math.min(CUSTOMERS - 1, Math.abs(random.nextGaussian()) * CUSTOMERS / 2.5);
            boolean ringOrder = ring[c] >= 0;
            int day = ringOrder ? DAYS - 1 - random.nextInt(5) : random.nextInt(DAYS);
            int first = preferred[c][random.nextInt(2)] * PER_CATEGORY + random.nextInt(PER_CATEGORY);
            List<Integer> basket = new ArrayList<>(List.of(first));
            int lines = 1 + random.nextInt(3);
            for (int l = 1; l < lines; l++) {
                int p = random.nextDouble() < 0.6 ? partner(basket.get(basket.size() - 1))
                        : preferred[c][random.nextInt(2)] * PER_CATEGORY + random.nextInt(PER_CATEGORY);
                if (!basket.contains(p)) {
                    basket.add(p);
                }
            }
            for (int p : basket) {
                rows.add(row(graph, o, c, p, day, random, ring));
            }
        }
        String[] names = {"graph", "order_id", "customer_id", "product_id", "category", "quantity", "order_date",
            "session_id", "device", "address", "card", "ip", "fraud"};
        Dataset.Builder builder = Dataset.builder();
        for (int col = 0; col < names.length; col++) {
            final int k = col;
            String[] values = rows.stream().map(r -> r[k]).toArray(String[]::new);
            if (names[col].equals("quantity") || names[col].equals("fraud")) {
                builder.numbers(names[col], java.util.Arrays.stream(values).mapToDouble(Double::parseDouble).toArray());
            } else {
                builder.strings(names[col], values);
            }
        }
        return builder.build();
    }

    /** The complementary product: same position in the next category. */
    static int partner(int product) {
        return (product + PER_CATEGORY) % (CATEGORIES * PER_CATEGORY);
    }

    private static String[] row(String graph, int order, int c, int p, int day, SplittableRandom random, int[] ring) {
        String customer = String.format("C%03d", c);
        int r = ring[c];
        // Even ring members share a device, odd ones a card, and the first two (one of each) an address, so each
        // ring is one connected component, linked through different attributes.
        String device = r >= 0 && (c % 2 == 0) ? "D-ring" + r : "D-" + customer;
        String card = r >= 0 && (c % 2 == 1) ? "K-ring" + r : "K-" + customer;
        String address = r >= 0 && isFirstTwo(c, ring) ? "A-ring" + r : "A-" + customer;
        String ip = c % 5 == 0 ? "IP-office" : "IP-" + customer;
        // Rings 0-3 have two known fraudsters each; rings 4 and 5 are not flagged yet.
        boolean fraud = r >= 0 && r < 4 && isFirstTwo(c, ring);
        return new String[] {graph, String.format("O%05d", order), customer,
            String.format("P%03d", p), "cat" + (p / PER_CATEGORY), Integer.toString(1 + random.nextInt(3)),
            START.plusDays(day).toString(), "S-" + customer + "-" + day, device, address, card, ip,
            fraud ? "1" : "0"};
    }

    private static boolean isFirstTwo(int c, int[] ring) {
        int before = 0;
        for (int i = c - 1; i >= 0 && ring[i] == ring[c]; i--) {
            before++;
        }
        return before < 2;
    }
}
