package io.merx.runtime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.Dataset;

/**
 * Reads training data into a {@link Dataset}: CSV with a header row, or JSON Lines (one object per line,
 * {@code .jsonl}/{@code .ndjson}). A column is numeric when every non-empty value is a number; empty values
 * are missing (NaN or null). A NaN or infinite value in an otherwise numeric column is refused: read as text it
 * would turn the column into a text column, and a trainer would silently leave that feature out. Errors name the
 * line and column.
 */
final class DatasetReader {

    /** Spellings of NaN and infinity that people and programs write ({@code NaN}, {@code -Infinity}, {@code inf}). */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** The cells by column name, and the file's line number of each row, for messages. */
    private record Table(Map<String, List<Object>> columns, List<Long> lines) {
    }

    private DatasetReader() {
    }

    /** @throws IllegalArgumentException naming the line and column of malformed input, or empty data */
    static Dataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no dataset file " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Table table = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? readJsonLines(file) : readCsv(file);
        return build(file, table);
    }

    private static Table readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).build();
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        List<Long> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                columns.put(column, new ArrayList<>());
            }
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + parser.getCurrentLineNumber()
                            + ": expected " + header.size() + " columns " + header + ", got " + record.size());
                }
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i);
                    columns.get(header.get(i)).add(value.isEmpty() ? null : value);
                }
                lines.add(parser.getCurrentLineNumber());
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(file.getFileName() + ": malformed CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.getFileName().toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file.getFileName() + ": bad CSV header: " + e.getMessage());
        }
        return new Table(columns, lines);
    }

    private static Table readJsonLines(Path file) throws IOException {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        List<Long> lines = new ArrayList<>();
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parseLine(file, lineNumber, line);
                Set<String> seen = new HashSet<>();
                for (var fields = row.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    List<Object> column = columns.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                    while (column.size() < rows) {
                        column.add(null); // absent in earlier rows
                    }
                    column.add(value(file, lineNumber, field.getKey(), field.getValue()));
                    seen.add(field.getKey());
                }
                rows++;
                lines.add((long) lineNumber);
                for (Map.Entry<String, List<Object>> column : columns.entrySet()) {
                    if (!seen.contains(column.getKey())) {
                        while (column.getValue().size() < rows) {
                            column.getValue().add(null);
                        }
                    }
                }
            }
        }
        return new Table(columns, lines);
    }

    private static JsonNode parseLine(Path file, int lineNumber, String line) {
        try {
            JsonNode row = ManifestCodec.JSON.readTree(line);
            if (row == null || !row.isObject()) {
                throw new IllegalArgumentException(file.getFileName() + " line " + lineNumber
                        + ": expected a JSON object, got " + (row == null ? "nothing" : row.getNodeType()));
            }
            return row;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file.getFileName() + " line " + lineNumber + ": malformed JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static Object value(Path file, int lineNumber, String column, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual() || node.isBoolean()) {
            return node.asText();
        }
        throw new IllegalArgumentException(file.getFileName() + " line " + lineNumber + ": column '" + column
                + "' holds " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                + "; only numbers, strings, booleans and null are supported");
    }

    private static Dataset build(Path file, Table table) {
        Map<String, List<Object>> columns = table.columns();
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(0);
        if (rows == 0) {
            throw new IllegalArgumentException("dataset " + file.getFileName() + " has no rows");
        }
        Dataset.Builder builder = Dataset.builder();
        for (Map.Entry<String, List<Object>> column : columns.entrySet()) {
            if (column.getKey().isBlank()) {
                throw new IllegalArgumentException("dataset " + file.getFileName() + " has a column without a name");
            }
            double[] numbers = numeric(column.getValue());
            if (numbers != null) {
                builder.numbers(column.getKey(), numbers);
            } else {
                refuseNonFinite(file, table.lines(), column.getKey(), column.getValue());
                String[] strings = new String[column.getValue().size()];
                for (int i = 0; i < strings.length; i++) {
                    Object v = column.getValue().get(i);
                    strings[i] = v == null ? null : v instanceof Double d ? format(d) : v.toString();
                }
                builder.strings(column.getKey(), strings);
            }
        }
        return builder.build();
    }

    /** The values as numbers when all present ones are (or parse as) finite numbers, else null. */
    private static double[] numeric(List<Object> values) {
        double[] numbers = new double[values.size()];
        boolean any = false;
        for (int i = 0; i < numbers.length; i++) {
            Double number = number(values.get(i));
            if (number == null || !Double.isFinite(number) && values.get(i) != null) {
                return null;
            }
            numbers[i] = number;
            any |= values.get(i) != null;
        }
        return any ? numbers : null;
    }

    /**
     * Refuses a column whose present values are all numbers but some are NaN or infinite, naming the first such
     * cell; a column with any other text stays a text column.
     */
    private static void refuseNonFinite(Path file, List<Long> lines, String column, List<Object> values) {
        int first = -1;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            boolean nonFinite = v instanceof String text && NON_FINITE.matcher(text).matches();
            Double number = nonFinite ? null : number(v);
            if (!nonFinite && number == null) {
                return; // text: not a numeric column
            }
            if (first < 0 && (nonFinite || v != null && !Double.isFinite(number))) {
                first = i;
            }
        }
        if (first >= 0) {
            // The value quoted is a number or a NaN/infinity spelling, never other content of the file.
            throw new IllegalArgumentException(file.getFileName() + " line " + lines.get(first) + ": column '"
                    + column + "' holds " + values.get(first) + "; numbers must be finite (leave the cell empty"
                    + " for a missing value)");
        }
    }

    /** A value as a number: NaN when missing, null when it is not a number. */
    private static Double number(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Double d) {
            return d;
        }
        try {
            return Double.parseDouble((String) v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
