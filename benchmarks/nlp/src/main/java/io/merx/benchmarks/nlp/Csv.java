package io.merx.benchmarks.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
final class Csv {

    private Csv() {
    }

    /** Rows including the header row. */
    static List<List<String>> read(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
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
