package io.merx.benchmarks.pricing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** A small reader for the benchmark CSV files: a header, then comma-separated values, quotes stripped. */
final class Csv {

    final List<String> header;
    final List<String[]> rows;

    private Csv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static Csv read(Path file) throws IOException {
        // Quoted fields: retailer names such as "NY - TOPS, INC" hold commas.
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .build();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<String[]> records = parser.stream().map(r -> r.toList().toArray(new String[0])).toList();
            return new Csv(List.of(records.get(0)), records.subList(1, records.size()));
        }
    }

    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        return index;
    }
}
