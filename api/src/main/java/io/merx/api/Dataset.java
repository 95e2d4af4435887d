package io.merx.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, column-oriented table of training data. Each column holds either numbers ({@code double},
 * NaN for a missing value) or strings (null for a missing value). The runtime builds datasets from CSV or JSON
 * Lines files; plugins and tests can build them directly.
 *
 * <pre>{@code
 * Dataset data = Dataset.builder()
 *         .numbers("x1", new double[] {1, 2, 3})
 *         .strings("user", new String[] {"u1", "u2", "u1"})
 *         .build();
 * double[] x1 = data.numbers("x1");
 * }</pre>
 */
public final class Dataset {

    private final Map<String, Object> columns;
    private final int rowCount;
    private volatile String fingerprint;

    private Dataset(Map<String, Object> columns, int rowCount) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rowCount = rowCount;
    }

    /** Starts a data set; add columns of equal length, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Column names, in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Number of rows, the same in every column. */
    public int rowCount() {
        return rowCount;
    }

    /** Whether a column of this name exists. */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * Whether the column holds numbers (rather than strings).
     *
     * @throws IllegalArgumentException naming the column when there is none of that name
     */
    public boolean isNumeric(String name) {
        return column(name) instanceof double[];
    }

    /**
     * A numeric column. The array is shared with the dataset: do not modify it.
     *
     * @throws IllegalArgumentException naming the column when it is missing or not numeric
     */
    public double[] numbers(String name) {
        Object column = column(name);
        if (column instanceof double[] numbers) {
            return numbers;
        }
        throw new IllegalArgumentException("column '" + name + "' must be numeric but holds text");
    }

    /**
     * A column as strings; numeric columns are formatted. The array is shared: do not modify it.
     *
     * @throws IllegalArgumentException naming the column when it is missing
     */
    public String[] strings(String name) {
        Object column = column(name);
        if (column instanceof String[] strings) {
            return strings;
        }
        double[] numbers = (double[]) column;
        String[] strings = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            double d = numbers[i];
            strings[i] = Double.isNaN(d) ? null : d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString((long) d) : Double.toString(d);
        }
        return strings;
    }

    private Object column(String name) {
        Object column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("missing column '" + name + "'; the data has " + columns.keySet());
        }
        return column;
    }

    /** SHA-256 over column names and values, recorded in provenance so a model names the data it saw. */
    public String fingerprint() {
        String result = fingerprint;
        if (result == null) {
            result = computeFingerprint();
            fingerprint = result;
        }
        return result;
    }

    private String computeFingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8);
        for (Map.Entry<String, Object> entry : columns.entrySet()) {
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (entry.getValue() instanceof double[] numbers) {
                for (double d : numbers) {
                    buffer.clear();
                    buffer.putDouble(d);
                    digest.update(buffer.array());
                }
            } else {
                for (String s : (String[]) entry.getValue()) {
                    digest.update(s == null ? new byte[] {1} : s.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public String toString() {
        return "Dataset{rows=" + rowCount + ", columns=" + columns.keySet() + "}";
    }

    /** Adds columns of equal length; {@link #build()} checks them. */
    public static final class Builder {
        private final Map<String, Object> columns = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();

        private Builder() {
        }

        /** Adds a numeric column; the array is copied. */
        public Builder numbers(String name, double[] values) {
            return add(name, Objects.requireNonNull(values, name).clone());
        }

        /** Adds a text column; the array is copied. */
        public Builder strings(String name, String[] values) {
            return add(name, Objects.requireNonNull(values, name).clone());
        }

        private Builder add(String name, Object values) {
            Objects.requireNonNull(name, "column name");
            if (columns.put(name, values) != null) {
                errors.add("column '" + name + "' appears twice");
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException when no column was added, a name repeats or lengths differ
         */
        public Dataset build() {
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException(errors.get(0));
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a dataset needs at least one column");
            }
            int rows = -1;
            String first = null;
            for (Map.Entry<String, Object> entry : columns.entrySet()) {
                int length = entry.getValue() instanceof double[] d ? d.length : ((String[]) entry.getValue()).length;
                if (rows < 0) {
                    rows = length;
                    first = entry.getKey();
                } else if (length != rows) {
                    throw new IllegalArgumentException("column '" + entry.getKey() + "' has " + length
                            + " rows but column '" + first + "' has " + rows);
                }
            }
            return new Dataset(new LinkedHashMap<>(columns), rows);
        }
    }
}
