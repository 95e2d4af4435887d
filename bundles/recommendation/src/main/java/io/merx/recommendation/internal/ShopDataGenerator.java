package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Random;

import io.merx.api.Dataset;

/**
 * Synthetic shop interactions with the structure real shops show, reproducible from a seed:
 * <ul>
 * <li>items belong to categories of uneven size and have log-normal prices; within a category, item popularity
 * follows a Zipf law (exponent 1.05), so a few items sell most;</li>
 * <li>each user favours one to three categories and one of three price tiers;</li>
 * <li>users shop in sessions (geometric count) of one to five items on a date in 2025; 80 % of picks come from a
 * favourite category, 70 % from the favourite tier; a few picks are bought twice (quantity 2-3).</li>
 * </ul>
 * Columns: {@code user, item, category, price, weight} (quantity) and {@code timestamp} (epoch seconds).
 *
 * <p>With a successor probability {@code p > 0} the data also has an order signal: every item has one fixed
 * successor (a random item of its category), and each pick after the first of a session is, with probability
 * {@code p}, the successor of the previous pick. With {@code p = 0} the data is exactly that of the four-argument
 * {@link #generate(int, int, int, long)}.
 */
public final class ShopDataGenerator {

    static final String[] CATEGORIES = {"electronics", "books", "toys", "garden", "kitchen", "fashion", "sports",
        "beauty", "grocery", "office", "pets", "music"};
    private static final int TIERS = 3;
    private static final long START = 1_735_689_600L; // 2025-01-01T00:00:00Z

    private ShopDataGenerator() {
    }

    /**
     * Generates about {@code interactions} rows.
     *
     * @param users number of users
     * @param items number of items
     * @param interactions target number of rows (the actual count varies a little)
     * @param seed the same seed gives the same data
     */
    public static Dataset generate(int users, int items, int interactions, long seed) {
        return generate(users, items, interactions, seed, 0);
    }

    /**
     * Generates about {@code interactions} rows with an order signal of strength {@code successorProbability}.
     *
     * @throws IllegalArgumentException when the probability is outside [0, 1]
     */
    public static Dataset generate(int users, int items, int interactions, long seed, double successorProbability) {
        if (!(successorProbability >= 0 && successorProbability <= 1)) {
            throw new IllegalArgumentException("successorProbability must be in [0, 1], got " + successorProbability);
        }
        Random random = new Random(seed);
        // A separate stream, so that the order signal leaves every other draw as it was.
        Random order = new Random(seed ^ 0x5EC0E9CEL);
        int categoryCount = Math.min(CATEGORIES.length, Math.max(1, items / 20));
        // Uneven category sizes: weights 1, 1/2, 1/3, ...
        double[] categoryWeight = new double[categoryCount];
        for (int c = 0; c < categoryCount; c++) {
            categoryWeight[c] = 1.0 / (c + 1) + 0.3;
        }
        double[] categoryCdf = cdf(categoryWeight);
        int[] itemCategory = new int[items];
        int[] itemTier = new int[items];
        double[] price = new double[items];
        String[] itemIds = new String[items];
        int[][] byCell = new int[categoryCount * TIERS][];
        int[] cellSize = new int[categoryCount * TIERS];
        for (int i = 0; i < items; i++) {
            itemCategory[i] = i < categoryCount ? i : pick(categoryCdf, random);
            itemTier[i] = random.nextInt(TIERS);
            price[i] = Math.round(Math.exp(2 + itemTier[i] + 0.4 * random.nextGaussian() + 0.2 * (itemCategory[i] % 3))
                    * 100) / 100.0;
            itemIds[i] = String.format("P%06d", i);
            cellSize[itemCategory[i] * TIERS + itemTier[i]]++;
        }
        for (int cell = 0; cell < byCell.length; cell++) {
            byCell[cell] = new int[cellSize[cell]];
        }
        int[] fill = new int[byCell.length];
        for (int i = 0; i < items; i++) {
            int cell = itemCategory[i] * TIERS + itemTier[i];
            byCell[cell][fill[cell]++] = i;
        }
        // Zipf within each cell, over a random order of its items.
        double[][] cellCdf = new double[byCell.length][];
        for (int cell = 0; cell < byCell.length; cell++) {
            shuffle(byCell[cell], random);
            double[] w = new double[byCell[cell].length];
            for (int r = 0; r < w.length; r++) {
                w[r] = 1 / Math.pow(r + 1, 1.05);
            }
            cellCdf[cell] = cdf(w);
        }

        int[] successor = new int[items];
        for (int i = 0; i < items; i++) {
            int[] sameCategory = byCell[itemCategory[i] * TIERS + order.nextInt(TIERS)];
            successor[i] = sameCategory.length > 0 ? sameCategory[order.nextInt(sameCategory.length)]
                    : order.nextInt(items);
        }
        double meanPerUser = Math.max(1, (double) interactions / users);
        int capacity = (int) (interactions * 1.2) + 16;
        String[] userCol = new String[capacity];
        String[] itemCol = new String[capacity];
        String[] categoryCol = new String[capacity];
        double[] priceCol = new double[capacity];
        double[] weightCol = new double[capacity];
        double[] timeCol = new double[capacity];
        String[] categoryNames = Arrays.copyOf(CATEGORIES, categoryCount);
        int n = 0;
        for (int u = 0; u < users && n < capacity - 5; u++) {
            String userId = String.format("C%06d", u);
            int favourites = 1 + random.nextInt(Math.min(3, categoryCount));
            int[] favourite = new int[favourites];
            for (int f = 0; f < favourites; f++) {
                favourite[f] = pick(categoryCdf, random);
            }
            int tier = random.nextInt(TIERS);
            // Rows per user: geometric-like spread around the mean, at least one.
            int rows = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * (meanPerUser - 1));
            long day = random.nextInt(300);
            while (rows > 0 && n < capacity - 5) {
                int session = Math.min(rows, 1 + random.nextInt(5));
                long when = START + day * 86_400 + random.nextInt(86_400);
                int sessionCategory = random.nextDouble() < 0.8 ? favourite[random.nextInt(favourites)]
                        : pick(categoryCdf, random);
                int previous = -1;
                for (int s = 0; s < session; s++) {
                    int category = random.nextDouble() < 0.85 ? sessionCategory : pick(categoryCdf, random);
                    int t = random.nextDouble() < 0.7 ? tier : random.nextInt(TIERS);
                    int cell = category * TIERS + t;
                    if (byCell[cell].length == 0) {
                        cell = firstNonEmpty(byCell, category);
                    }
                    int item = byCell[cell][pick(cellCdf[cell], random)];
                    if (s > 0 && successorProbability > 0 && order.nextDouble() < successorProbability) {
                        item = successor[previous];
                    }
                    previous = item;
                    userCol[n] = userId;
                    itemCol[n] = itemIds[item];
                    categoryCol[n] = categoryNames[itemCategory[item]];
                    priceCol[n] = price[item];
                    weightCol[n] = random.nextDouble() < 0.9 ? 1 : 2 + random.nextInt(2);
                    timeCol[n] = when + s * 60L;
                    n++;
                }
                rows -= session;
                day += 1 + random.nextInt(20);
            }
        }
        return Dataset.builder().strings("user", Arrays.copyOf(userCol, n)).strings("item", Arrays.copyOf(itemCol, n))
                .strings("category", Arrays.copyOf(categoryCol, n)).numbers("price", Arrays.copyOf(priceCol, n))
                .numbers("weight", Arrays.copyOf(weightCol, n)).numbers("timestamp", Arrays.copyOf(timeCol, n))
                .build();
    }

    private static int firstNonEmpty(int[][] byCell, int category) {
        for (int t = 0; t < TIERS; t++) {
            if (byCell[category * TIERS + t].length > 0) {
                return category * TIERS + t;
            }
        }
        for (int cell = 0; cell < byCell.length; cell++) {
            if (byCell[cell].length > 0) {
                return cell;
            }
        }
        throw new IllegalStateException("no items");
    }

    private static double[] cdf(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int pick(double[] cdf, Random random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
