package io.merx.risk.transaction;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.merx.api.Dataset;

/**
 * Reads the training data of {@code risk.transaction}: one row per order with {@code order_id},
 * {@code customer_id}, {@code order_time} (ISO date-time, UTC), {@code amount}, the label {@code fraud} (0/1) and
 * optionally {@code account_created} (ISO date), {@code items}, {@code card}, {@code device}, {@code address}
 * (shipping), {@code billing_address}, {@code email}. Bad cells fail naming the column and the row.
 */
final class TransactionColumns {

    static final String LABEL = "fraud";

    private TransactionColumns() {
    }

    /** A labelled order of the training data. */
    record Labelled(Order order, boolean fraud) {
    }

    /** The orders sorted by time (then by id), so velocity and the time split read them in order. */
    static List<Labelled> read(Dataset data) {
        for (String column : List.of("order_id", "customer_id", "order_time", "amount", LABEL)) {
            if (!data.hasColumn(column)) {
                throw new IllegalArgumentException("risk.transaction needs column '" + column + "'; the data has "
                        + data.columnNames());
            }
        }
        if (data.rowCount() == 0) {
            throw new IllegalArgumentException("the data has no orders");
        }
        String[] ids = data.strings("order_id");
        String[] accounts = data.strings("customer_id");
        String[] times = data.strings("order_time");
        double[] amounts = numbers(data, "amount");
        double[] labels = numbers(data, LABEL);
        String[] created = optional(data, "account_created");
        double[] items = data.hasColumn("items") ? numbers(data, "items") : null;
        String[][] identifiers = {optional(data, "card"), optional(data, "device"), optional(data, "address"),
            optional(data, "email")};
        String[] billing = optional(data, "billing_address");
        List<Labelled> orders = new ArrayList<>(data.rowCount());
        for (int r = 0; r < data.rowCount(); r++) {
            String id = text(ids[r], "order_id", r);
            String account = text(accounts[r], "customer_id", r);
            long time = time(times[r], "order_time", r);
            double amount = amounts[r];
            if (!Double.isFinite(amount) || amount < 0) {
                throw new IllegalArgumentException("column 'amount' row " + (r + 1) + ": expected a number >= 0, got "
                        + amount);
            }
            double label = labels[r];
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("column 'fraud' row " + (r + 1) + ": expected 0 or 1, got " + label);
            }
            double count = items == null ? 1 : items[r];
            if (!Double.isFinite(count) || count < 0) {
                throw new IllegalArgumentException("column 'items' row " + (r + 1) + ": expected a number >= 0, got "
                        + count);
            }
            long createdDay = created == null || blank(created[r]) ? Long.MIN_VALUE
                    : day(created[r], "account_created", r);
            orders.add(new Labelled(new Order(id, account, time, createdDay, amount, count, cell(identifiers[0], r),
                    cell(identifiers[1], r), cell(identifiers[2], r), cell(billing, r), cell(identifiers[3], r)),
                    label == 1));
        }
        orders.sort(Comparator.comparingLong((Labelled l) -> l.order().time()).thenComparing(l -> l.order().id()));
        return orders;
    }

    /** Epoch seconds of an ISO date-time ({@code 2025-03-01T14:05}) or date, read as UTC. */
    static long time(String text, String field, int row) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(value.endsWith("Z") ? value.substring(0, value.length() - 1) : value)
                    .toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(field, row) + ": expected an ISO date-time like 2025-03-01T14:05,"
                    + " got '" + text + "'");
        }
    }

    static long day(String text, String field, int row) {
        try {
            return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length()))).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(field, row) + ": expected an ISO date like 2024-03-01, got '"
                    + text + "'");
        }
    }

    private static String where(String field, int row) {
        return row < 0 ? "field '" + field + "'" : "column '" + field + "' row " + (row + 1);
    }

    private static double[] numbers(Dataset data, String column) {
        if (!data.isNumeric(column)) {
            throw new IllegalArgumentException("column '" + column + "' must be numeric");
        }
        return data.numbers(column);
    }

    private static String[] optional(Dataset data, String column) {
        return data.hasColumn(column) ? data.strings(column) : null;
    }

    private static String cell(String[] column, int row) {
        return column == null || blank(column[row]) ? null : column[row].strip();
    }

    private static String text(String value, String column, int row) {
        if (blank(value)) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1) + " is empty");
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
