package io.merx.graph.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

import org.neo4j.driver.summary.SummaryCounters;

import io.merx.api.Dataset;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;
import io.merx.graph.IngestReport;

/**
 * One ingestion run: validates the columns, folds order lines to one row per (order, product) and identifiers
 * to one row per account, then MERGEs them in UNWIND batches, one transaction per batch. MERGE plus folding
 * makes it idempotent: the same data ingested twice creates nothing the second time.
 */
final class Ingestion {

    static final String ORDER_LINES = """
            UNWIND $rows AS row
            MERGE (c:Customer {graph: $graph, id: row.customer})
            MERGE (o:Order {graph: $graph, id: row.order})
            SET o.bucket = row.bucket, o.day = row.day
            MERGE (c)-[:PLACED]->(o)
            MERGE (p:Product {graph: $graph, id: row.product})
            MERGE (o)-[r:CONTAINS]->(p)
            SET r.quantity = row.quantity
            FOREACH (k IN CASE WHEN row.category IS NULL THEN [] ELSE [row.category] END |
                MERGE (cat:Category {graph: $graph, id: k})
                MERGE (p)-[:IN_CATEGORY]->(cat))
            FOREACH (s IN CASE WHEN row.session IS NULL THEN [] ELSE [row.session] END |
                MERGE (ses:Session {graph: $graph, id: s})
                MERGE (o)-[:IN_SESSION]->(ses))
            """;

    static final String ACCOUNTS = """
            UNWIND $rows AS row
            MERGE (c:Customer {graph: $graph, id: row.customer})
            SET c.fraud = coalesce(row.fraud, c.fraud)
            WITH c, row
            UNWIND row.identifiers AS ident
            MERGE (i:Identifier {graph: $graph, type: ident.type, value: ident.value})
            MERGE (c)-[:USES]->(i)
            """;

    private final Neo4jGraphStore store;
    private final Dataset data;
    private final IngestOptions options;

    Ingestion(Neo4jGraphStore store, Dataset data, IngestOptions options) {
        this.store = store;
        this.data = data;
        this.options = options;
    }

    IngestReport run(DoubleConsumer progress) throws GraphUnavailableException {
        long start = System.nanoTime();
        List<Map<String, Object>> lines = orderLines();
        List<Map<String, Object>> accounts = accounts();
        if (lines.isEmpty() && accounts.isEmpty()) {
            throw new IllegalArgumentException("the data has neither order lines (columns '" + options.orderColumn()
                    + "', '" + options.customerColumn() + "', '" + options.productColumn()
                    + "') nor account identifiers (columns " + IngestOptions.IDENTIFIER_COLUMNS + " with '"
                    + options.customerColumn() + "'); it has " + data.columnNames());
        }
        long orders = lines.stream().map(row -> row.get("order")).distinct().count();
        int total = lines.size() + accounts.size();
        int done = 0;
        int batches = 0;
        long nodes = 0;
        long relationships = 0;
        progress.accept(0);
        for (List<Map<String, Object>> part : List.of(lines, accounts)) {
            String statement = part == lines ? ORDER_LINES : ACCOUNTS;
            for (int from = 0; from < part.size(); from += options.batchSize()) {
                List<Map<String, Object>> batch = part.subList(from, Math.min(part.size(), from + options.batchSize()));
                SummaryCounters counters = store.writeCounting(statement,
                        Map.of("graph", options.graph(), "rows", batch));
                nodes += counters.nodesCreated();
                relationships += counters.relationshipsCreated();
                batches++;
                done += batch.size();
                progress.accept((double) done / total);
            }
        }
        return new IngestReport(data.rowCount(), orders, batches, nodes, relationships,
                (System.nanoTime() - start) / 1e9);
    }

    private List<Map<String, Object>> orderLines() {
        if (!data.hasColumn(options.orderColumn())) {
            return List.of();
        }
        String[] order = data.strings(options.orderColumn());
        String[] customer = data.strings(requireColumn(options.customerColumn(), "order lines"));
        String[] product = data.strings(requireColumn(options.productColumn(), "order lines"));
        String[] category = optionalStrings(options.categoryColumn());
        String[] session = optionalStrings(options.sessionColumn());
        double[] quantity = optionalNumbers(options.quantityColumn());
        Long[] day = days();
        Map<String, Map<String, Object>> folded = new LinkedHashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            String o = required(order, r, options.orderColumn());
            String p = required(product, r, options.productColumn());
            Map<String, Object> row = folded.get(o + '\u0000' + p);
            double q = quantity == null || Double.isNaN(quantity[r]) ? 1 : quantity[r];
            if (q < 0 || Double.isInfinite(q)) {
                throw new IllegalArgumentException("column '" + options.quantityColumn() + "' row " + (r + 1)
                        + ": quantity must be a non-negative number, got " + q);
            }
            if (row == null) {
                row = new HashMap<>();
                row.put("order", o);
                row.put("customer", required(customer, r, options.customerColumn()));
                row.put("product", p);
                row.put("bucket", Buckets.of(o));
                row.put("quantity", q);
                row.put("day", day == null ? null : day[r]);
                row.put("category", category == null ? null : blankToNull(category[r]));
                row.put("session", session == null ? null : blankToNull(session[r]));
                folded.put(o + '\u0000' + p, row);
            } else {
                row.put("quantity", (Double) row.get("quantity") + q);
            }
        }
        return new ArrayList<>(folded.values());
    }

    private List<Map<String, Object>> accounts() {
        List<String> present = IngestOptions.IDENTIFIER_COLUMNS.stream().filter(data::hasColumn).toList();
        boolean labelled = data.hasColumn(options.fraudColumn());
        if (present.isEmpty() && !labelled) {
            return List.of();
        }
        String[] customer = data.strings(requireColumn(options.customerColumn(), "account identifiers"));
        List<String[]> values = present.stream().map(data::strings).toList();
        String[] fraud = labelled ? data.strings(options.fraudColumn()) : null;
        Map<String, Set<List<String>>> identifiers = new LinkedHashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            String c = required(customer, r, options.customerColumn());
            Set<List<String>> ids = identifiers.computeIfAbsent(c, k -> new LinkedHashSet<>());
            for (int i = 0; i < present.size(); i++) {
                String v = blankToNull(values.get(i)[r]);
                if (v != null) {
                    ids.add(List.of(present.get(i), v));
                }
            }
            if (fraud != null && blankToNull(fraud[r]) != null) {
                flags.merge(c, flag(fraud[r], r), Boolean::logicalOr);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>(identifiers.size());
        identifiers.forEach((c, ids) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("customer", c);
            row.put("fraud", flags.get(c));
            row.put("identifiers", ids.stream().map(id -> Map.of("type", id.get(0), "value", id.get(1))).toList());
            rows.add(row);
        });
        return rows;
    }

    private boolean flag(String value, int row) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "1", "1.0", "true", "yes" -> {
                return true;
            }
            case "0", "0.0", "false", "no" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("column '" + options.fraudColumn() + "' row " + (row + 1)
                    + ": expected 0/1 or true/false, got '" + value + "'");
        }
    }

    private Long[] days() {
        if (!data.hasColumn(options.dateColumn())) {
            return null;
        }
        Long[] days = new Long[data.rowCount()];
        if (data.isNumeric(options.dateColumn())) {
            double[] numbers = data.numbers(options.dateColumn());
            for (int r = 0; r < days.length; r++) {
                days[r] = Double.isNaN(numbers[r]) ? null : (long) Math.floor(numbers[r]);
            }
            return days;
        }
        String[] text = data.strings(options.dateColumn());
        for (int r = 0; r < days.length; r++) {
            String t = blankToNull(text[r]);
            if (t == null) {
                continue;
            }
            try {
                days[r] = LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("column '" + options.dateColumn() + "' row " + (r + 1)
                        + ": expected an ISO date like 2024-03-01, got '" + t + "'");
            }
        }
        return days;
    }

    private String requireColumn(String column, String what) {
        if (!data.hasColumn(column)) {
            throw new IllegalArgumentException("missing column '" + column + "' needed for " + what
                    + "; the data has " + data.columnNames());
        }
        return column;
    }

    private String[] optionalStrings(String column) {
        return column != null && data.hasColumn(column) ? data.strings(column) : null;
    }

    private double[] optionalNumbers(String column) {
        if (column == null || !data.hasColumn(column)) {
            return null;
        }
        if (!data.isNumeric(column)) {
            throw new IllegalArgumentException("column '" + column + "' must be numeric (quantities)");
        }
        return data.numbers(column);
    }

    private static String required(String[] column, int row, String name) {
        String value = blankToNull(column[row]);
        if (value == null) {
            throw new IllegalArgumentException("column '" + name + "' row " + (row + 1) + " is empty");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
