package io.merx.customers.internal;

import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

/**
 * Order lines after validation: one entry per dataset row, with customers and categories numbered in order of
 * first appearance (the same data always gives the same numbering). Every bad cell is refused with the column
 * and the row (counted from 1, the first row after a CSV header), before any model sees the data.
 *
 * <pre>{@code
 * OrderLines lines = OrderLines.from(data, OrderColumns.of(hp));
 * CustomerHistories histories = CustomerHistories.of(lines);
 * }</pre>
 */
public final class OrderLines {

    private final String[] customerIds;
    private final int[] customer;
    private final int[] day;
    private final double[] amount;
    private final String[] order;
    private final String[] item;
    private final int[] category;
    private final String[] categories;

    private OrderLines(String[] customerIds, int[] customer, int[] day, double[] amount, String[] order,
            String[] item, int[] category, String[] categories) {
        this.customerIds = customerIds;
        this.customer = customer;
        this.day = day;
        this.amount = amount;
        this.order = order;
        this.item = item;
        this.category = category;
        this.categories = categories;
    }

    /**
     * Reads and validates order lines.
     *
     * @throws IllegalArgumentException naming the column (and the row) of the first bad value: a missing required
     *         column, an empty customer id or date, a date that is not ISO-8601, an amount that is not a finite
     *         number &ge; 0; or when the data has no rows
     */
    public static OrderLines from(Dataset data, OrderColumns columns) {
        if (data.rowCount() == 0) {
            throw new IllegalArgumentException("the order data is empty: it has no rows");
        }
        String[] customers = required(data, columns.customer(), "customerColumn");
        String[] dates = required(data, columns.date(), "dateColumn");
        required(data, columns.amount(), "amountColumn");
        int rows = data.rowCount();
        Map<String, Integer> customerIndex = new HashMap<>();
        int[] customer = new int[rows];
        int[] day = new int[rows];
        for (int r = 0; r < rows; r++) {
            customer[r] = customerIndex.computeIfAbsent(customers[r], key -> customerIndex.size());
            day[r] = day(columns.date(), r, dates[r]);
        }
        double[] amount = amounts(data, columns.amount());
        String[] order = optional(data, columns.order());
        String[] item = optional(data, columns.item());
        String[] categoryCells = optional(data, columns.category());
        int[] category = new int[rows];
        Arrays.fill(category, -1);
        Map<String, Integer> categoryIndex = new HashMap<>();
        if (categoryCells != null) {
            for (int r = 0; r < rows; r++) {
                String c = categoryCells[r];
                if (c != null && !c.isBlank()) {
                    category[r] = categoryIndex.computeIfAbsent(c.trim(), key -> categoryIndex.size());
                }
            }
        }
        return new OrderLines(names(customerIndex), customer, day, amount, order, item, category,
                names(categoryIndex));
    }

    private static String[] names(Map<String, Integer> index) {
        String[] names = new String[index.size()];
        index.forEach((name, i) -> names[i] = name);
        return names;
    }

    /** A required text column, every cell non-empty. */
    private static String[] required(Dataset data, String column, String parameter) {
        if (column.isEmpty() || !data.hasColumn(column)) {
            throw new IllegalArgumentException("missing column '" + column + "'; the data has " + data.columnNames()
                    + " (set the hyper-parameter " + parameter + " to pick another)");
        }
        String[] cells = data.strings(column);
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] == null || cells[r].isBlank()) {
                throw new IllegalArgumentException("column '" + column + "' row " + (r + 1) + " is empty");
            }
        }
        return cells;
    }

    private static String[] optional(Dataset data, String column) {
        return column.isEmpty() || !data.hasColumn(column) ? null : data.strings(column);
    }

    private static int day(String column, int row, String cell) {
        try {
            return OrderDates.parse(cell);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1)
                    + " must be an ISO-8601 date such as 2016-11-08, got '" + cell + "'");
        }
    }

    private static double[] amounts(Dataset data, String column) {
        if (!data.isNumeric(column)) {
            // A text column: name the first cell that is not a number (an all-number column would be numeric).
            String[] cells = data.strings(column);
            for (int r = 0; r < cells.length; r++) {
                try {
                    Double.parseDouble(cells[r].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("column '" + column + "' row " + (r + 1)
                            + " must be a number >= 0, got '" + cells[r] + "'");
                }
            }
        }
        double[] amounts = data.numbers(column);
        for (int r = 0; r < amounts.length; r++) {
            if (Double.isNaN(amounts[r])) {
                throw new IllegalArgumentException("column '" + column + "' row " + (r + 1) + " is empty");
            }
            if (!Double.isFinite(amounts[r]) || amounts[r] < 0) {
                throw new IllegalArgumentException("column '" + column + "' row " + (r + 1)
                        + " must be a finite number >= 0, got " + amounts[r]);
            }
        }
        return amounts;
    }

    /** Number of lines (dataset rows). */
    public int size() {
        return day.length;
    }

    /** Number of distinct customers. */
    public int customerCount() {
        return customerIds.length;
    }

    /** The id of customer number {@code index} (numbered in order of first appearance). */
    public String customerId(int index) {
        return customerIds[index];
    }

    /** The customer number of a line. */
    public int customer(int line) {
        return customer[line];
    }

    /** The day of a line, in days since 1970-01-01. */
    public int day(int line) {
        return day[line];
    }

    /** The amount of a line. */
    public double amount(int line) {
        return amount[line];
    }

    /** The order id of a line, or null when the data has no order column or the cell is empty. */
    public String order(int line) {
        String id = order == null ? null : order[line];
        return id == null || id.isBlank() ? null : id;
    }

    /** The item id of a line, or null when the data has no item column or the cell is empty. */
    public String item(int line) {
        return item == null ? null : item[line];
    }

    /** The category number of a line (an index into {@link #categories()}), or -1 when it has none. */
    public int category(int line) {
        return category[line];
    }

    /** The category names, in order of first appearance; empty when the data has no category column. */
    public List<String> categories() {
        return List.of(categories);
    }
}
