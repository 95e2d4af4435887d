package io.merx.benchmarks.pricing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small reader for the benchmark CSV files: a header, then comma-separated values, quotes stripped. */
final class Csv {

    final List<String> header;
    final List<String[]> rows;

    private Csv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static Csv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(split(lines.get(0)));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(split(line));
            }
        }
        return new Csv(header, rows);
    }

    /** Splits on commas outside double quotes (retailer names such as "NY - TOPS, INC" hold commas). */
    private static String[] split(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        parts.add(field.toString().trim());
        return parts.toArray(new String[0]);
    }

    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        return index;
    }
}
