package io.merx.customers.internal.propensity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.merx.api.Dataset;

/** Reads order lines from a dataset's columns into per-customer histories, naming the column and row of bad data. */
final class OrderLineColumns {

    private OrderLineColumns() {
    }

    static Map<String, List<Purchase>> histories(Dataset data, String customerColumn, String dateColumn,
            String amountColumn, String categoryColumn) {
        for (String column : List.of(customerColumn, dateColumn, amountColumn)) {
            if (!data.hasColumn(column)) {
                throw new IllegalArgumentException("the order lines have no column '" + column + "' (columns: "
                        + data.columnNames() + ")");
            }
        }
        if (!data.isNumeric(amountColumn)) {
            throw new IllegalArgumentException("column '" + amountColumn + "' must be numeric");
        }
        String[] customers = data.strings(customerColumn);
        String[] dates = data.strings(dateColumn);
        double[] amounts = data.numbers(amountColumn);
        String[] categories = data.hasColumn(categoryColumn) ? data.strings(categoryColumn) : null;
        Map<String, List<Purchase>> histories = new TreeMap<>();
        for (int i = 0; i < data.rowCount(); i++) {
            String row = " row " + (i + 1);
            if (customers[i] == null || customers[i].isBlank()) {
                throw new IllegalArgumentException("column '" + customerColumn + "'" + row + " is empty");
            }
            if (!Double.isFinite(amounts[i]) || amounts[i] < 0) {
                throw new IllegalArgumentException("column '" + amountColumn + "'" + row
                        + " must be a finite number >= 0, got " + amounts[i]);
            }
            LocalDate date = date(dates[i], "column '" + dateColumn + "'" + row);
            String category = categories == null || categories[i] == null ? "" : categories[i].strip();
            histories.computeIfAbsent(customers[i].strip(), c -> new ArrayList<>())
                    .add(new Purchase(date, amounts[i], category));
        }
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("the order lines are empty");
        }
        return histories;
    }

    /** A date {@code yyyy-MM-dd}, or the date part of an ISO date-time; {@code where} names the bad field. */
    static LocalDate date(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + " is empty; expected a date yyyy-MM-dd");
        }
        String value = text.strip();
        try {
            return LocalDate.parse(value.length() > 10 && (value.charAt(10) == 'T' || value.charAt(10) == ' ')
                    ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " is not a date yyyy-MM-dd: '" + text + "'");
        }
    }
}
