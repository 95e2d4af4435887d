package io.merx.benchmarks.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The columns a benchmark needs from an RFC 4180 file (quoted fields, doubled quotes, newlines inside quotes). */
final class Csv {

    private Csv() {
    }

    /** Rows including the header row. */
    static List<List<String>> read(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }

    /** The named columns of a file, as parallel arrays. */
    static String[][] columns(Path file, String... names) throws IOException {
        List<List<String>> rows = read(file);
        List<String> header = rows.get(0);
        String[][] out = new String[names.length][rows.size() - 1];
        for (int c = 0; c < names.length; c++) {
            int index = header.indexOf(names[c]);
            if (index < 0) {
                throw new IllegalArgumentException(file + " has no column '" + names[c] + "': " + header);
            }
            for (int r = 1; r < rows.size(); r++) {
                out[c][r - 1] = rows.get(r).get(index);
            }
        }
        return out;
    }
}
