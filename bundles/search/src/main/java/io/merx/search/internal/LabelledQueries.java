package io.merx.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queries with the product each should find, from a {@code query,id} CSV (header optional; the id is after the
 * last comma, so a query may contain commas; surrounding double quotes are removed).
 *
 * @param queries the query texts
 * @param products the catalogue row each query should find
 */
record LabelledQueries(List<String> queries, int[] products) {

    /**
     * @param parameter the hyper-parameter that named the file, for error messages
     * @throws IllegalArgumentException naming the parameter and the line of an unreadable file, a malformed line
     *         or an id the catalogue does not hold
     */
    static LabelledQueries read(Path file, String parameter, Map<String, Integer> catalogue) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("hyper-parameter '" + parameter + "': cannot read " + file + ": "
                    + e.getMessage());
        }
        List<String> queries = new ArrayList<>();
        List<Integer> products = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || (n == 0 && line.replace("\"", "").equalsIgnoreCase("query,id"))) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            String query = comma < 0 ? "" : unquote(line.substring(0, comma));
            String id = comma < 0 ? "" : unquote(line.substring(comma + 1));
            if (query.isBlank() || id.isBlank()) {
                throw new IllegalArgumentException("hyper-parameter '" + parameter + "' line " + (n + 1)
                        + " must be 'query,id', got '" + line + "'");
            }
            Integer product = catalogue.get(id);
            if (product == null) {
                throw new IllegalArgumentException("hyper-parameter '" + parameter + "' line " + (n + 1)
                        + ": product '" + id + "' is not in the catalogue");
            }
            queries.add(query);
            products.add(product);
        }
        if (queries.size() < 2) {
            throw new IllegalArgumentException("hyper-parameter '" + parameter + "' needs at least 2 queries, got "
                    + queries.size());
        }
        return new LabelledQueries(queries, products.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String unquote(String text) {
        String s = text.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.strip();
    }
}
