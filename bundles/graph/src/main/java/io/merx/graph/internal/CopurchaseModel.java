package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The co-purchase statistics snapshotted from the graph: per product the number of baskets holding it and its
 * strongest partners with their pair counts. Support, confidence and lift follow from these counts:
 * {@code support = n_ab / N}, {@code confidence(a -> b) = n_ab / n_a}, {@code lift = n_ab N / (n_a n_b)}.
 * Immutable and heap-only, so scoring needs neither locks nor Neo4j.
 */
final class CopurchaseModel {

    /** A recommended product: its index, the query product that led to it, its score and pair count. */
    record Match(int product, int because, double score, int count) {
    }

    final String basketLevel;
    final String rankBy;
    final int minCount;
    final int baskets;
    final String[] products;
    final String[] categories;
    final int[] support;
    final int[][] partners;
    final int[][] pairCounts;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] byPopularity;

    CopurchaseModel(String basketLevel, String rankBy, int minCount, int baskets, String[] products,
            String[] categories, int[] support, int[][] partners, int[][] pairCounts) {
        this.basketLevel = basketLevel;
        this.rankBy = rankBy;
        this.minCount = minCount;
        this.baskets = baskets;
        this.products = products;
        this.categories = categories;
        this.support = support;
        this.partners = partners;
        this.pairCounts = pairCounts;
        for (int i = 0; i < products.length; i++) {
            index.put(products[i], i);
        }
        this.byPopularity = java.util.stream.IntStream.range(0, products.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -support[i]).thenComparing(i -> products[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Builds the model from counts, keeping for each product its {@code neighbours} best partners. */
    static CopurchaseModel build(String basketLevel, String rankBy, int minCount, int neighbours,
            String[] products, String[] categories, PairCounts counts) {
        int n = products.length;
        List<List<int[]>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        counts.forEach((a, b, count) -> {
            if (count >= minCount) {
                lists.get(a).add(new int[] {b, count});
                lists.get(b).add(new int[] {a, count});
            }
        });
        int[][] partners = new int[n][];
        int[][] pairCounts = new int[n][];
        for (int i = 0; i < n; i++) {
            final int from = i;
            List<int[]> list = lists.get(i);
            list.sort(Comparator.<int[]>comparingDouble(p -> -metric(rankBy, counts.baskets, counts.single[from],
                    counts.single[p[0]], p[1])).thenComparingInt(p -> p[0]));
            int keep = Math.min(neighbours, list.size());
            partners[i] = new int[keep];
            pairCounts[i] = new int[keep];
            for (int k = 0; k < keep; k++) {
                partners[i][k] = list.get(k)[0];
                pairCounts[i][k] = list.get(k)[1];
            }
        }
        return new CopurchaseModel(basketLevel, rankBy, minCount, counts.baskets, products, categories,
                counts.single.clone(), partners, pairCounts);
    }

    static double metric(String rankBy, int baskets, int supportA, int supportB, int pair) {
        return switch (rankBy) {
            case "confidence" -> (double) pair / supportA;
            case "count" -> pair;
            default -> (double) pair * baskets / ((double) supportA * supportB);
        };
    }

    Integer indexOf(String product) {
        return index.get(product);
    }

    double lift(int a, int b, int pair) {
        return (double) pair * baskets / ((double) support[a] * support[b]);
    }

    double confidence(int a, int pair) {
        return (double) pair / support[a];
    }

    /**
     * The best partners of a basket: each candidate scores the best metric over the query products.
     *
     * @param category only candidates of this category, or null
     * @param crossCategory only candidates whose category differs from the query product's
     */
    List<Match> recommend(int[] query, int limit, String category, boolean crossCategory) {
        Map<Integer, Match> best = new HashMap<>();
        for (int q : query) {
            for (int k = 0; k < partners[q].length; k++) {
                int candidate = partners[q][k];
                if (contains(query, candidate) || !accepts(candidate, q, category, crossCategory)) {
                    continue;
                }
                int pair = pairCounts[q][k];
                double score = metric(rankBy, baskets, support[q], support[candidate], pair);
                Match current = best.get(candidate);
                if (current == null || score > current.score()) {
                    best.put(candidate, new Match(candidate, q, score, pair));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble((Match m) -> -m.score()).thenComparing(m -> products[m.product()]))
                .limit(limit).toList();
    }

    /** The most frequent products, for baskets the model knows nothing about. */
    List<Integer> popular(int limit, String category, int[] exclude) {
        List<Integer> result = new ArrayList<>();
        for (int i : byPopularity) {
            if (result.size() >= limit) {
                break;
            }
            if (!contains(exclude, i) && (category == null || category.equals(categories[i]))) {
                result.add(i);
            }
        }
        return result;
    }

    private boolean accepts(int candidate, int query, String category, boolean crossCategory) {
        if (category != null && !category.equals(categories[candidate])) {
            return false;
        }
        return !crossCategory || categories[query] == null || !categories[query].equals(categories[candidate]);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    long pairsKept() {
        return Arrays.stream(partners).mapToLong(p -> p.length).sum();
    }
}
