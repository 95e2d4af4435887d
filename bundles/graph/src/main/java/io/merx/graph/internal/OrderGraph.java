package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;

/**
 * The orders of one graph as read back from Neo4j for training: products (sorted ids with their category) and
 * baskets (one per order, with the customer, the hold-out bucket and the product indices, sorted).
 */
final class OrderGraph {

    static final String PRODUCTS = """
            MATCH (p:Product {graph: $graph})
            OPTIONAL MATCH (p)-[:IN_CATEGORY]->(k:Category)
            RETURN p.id AS product, min(k.id) AS category
            ORDER BY product
            """;

    /** One row per order line, streamed: grouping and sorting happen here, not in Neo4j's heap. */
    static final String ORDER_LINES = """
            MATCH (c:Customer)-[:PLACED]->(o:Order {graph: $graph})-[:CONTAINS]->(p:Product)
            RETURN o.id AS order, c.id AS customer, o.bucket AS bucket, o.day AS day, p.id AS product
            """;

    /** One order. */
    record Basket(String order, String customer, int bucket, long day, int[] products) {
    }

    final String[] products;
    final String[] categories;
    final List<Basket> baskets;
    private final Map<String, Integer> productIndex;

    private OrderGraph(String[] products, String[] categories, List<Basket> baskets, Map<String, Integer> index) {
        this.products = products;
        this.categories = categories;
        this.baskets = baskets;
        this.productIndex = index;
    }

    static OrderGraph read(GraphStore store, String graph) throws GraphUnavailableException {
        Map<String, Object> params = Map.of("graph", graph);
        List<Map<String, Object>> productRows = store.query(PRODUCTS, params);
        String[] products = new String[productRows.size()];
        String[] categories = new String[products.length];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < products.length; i++) {
            products[i] = (String) productRows.get(i).get("product");
            categories[i] = (String) productRows.get(i).get("category");
            index.put(products[i], i);
        }
        Map<String, OrderRows> orders = new HashMap<>();
        store.stream(ORDER_LINES, params, row -> {
            Integer product = index.get((String) row.get("product"));
            if (product == null) {
                return; // ingested after the product list was read
            }
            orders.computeIfAbsent((String) row.get("order"), id -> new OrderRows(row)).products.add(product);
        });
        List<Basket> baskets = new ArrayList<>(orders.size());
        orders.forEach((id, rows) -> baskets.add(rows.basket(id)));
        baskets.sort(java.util.Comparator.comparing(Basket::order));
        return new OrderGraph(products, categories, baskets, index);
    }

    /** The lines of one order while they stream in. */
    private static final class OrderRows {
        final String customer;
        final int bucket;
        final long day;
        final List<Integer> products = new ArrayList<>(4);

        OrderRows(Map<String, Object> row) {
            customer = (String) row.get("customer");
            bucket = ((Number) row.get("bucket")).intValue();
            Object d = row.get("day");
            day = d == null ? Long.MIN_VALUE : ((Number) d).longValue();
        }

        Basket basket(String order) {
            return new Basket(order, customer, bucket, day,
                    products.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
        }
    }

    Integer indexOf(String product) {
        return productIndex.get(product);
    }

    /** Per customer, the sorted distinct products of the given orders. */
    static Map<String, int[]> byCustomer(List<Basket> baskets) {
        Map<String, List<int[]>> grouped = new java.util.TreeMap<>();
        for (Basket b : baskets) {
            grouped.computeIfAbsent(b.customer(), k -> new ArrayList<>()).add(b.products());
        }
        Map<String, int[]> result = new java.util.LinkedHashMap<>();
        grouped.forEach((customer, lists) -> result.put(customer,
                lists.stream().flatMapToInt(Arrays::stream).sorted().distinct().toArray()));
        return result;
    }
}
