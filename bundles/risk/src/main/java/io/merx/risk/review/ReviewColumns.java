package io.merx.risk.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.merx.api.Dataset;

/**
 * Reads training reviews from a dataset with the columns {@code reviewer}, {@code product}, {@code time},
 * {@code accountCreated} (may be empty), {@code rating}, {@code text} and the 0/1 label column. Times are ISO-8601
 * instants ({@code 2024-03-01T10:15:00Z}) or dates (midnight UTC).
 */
final class ReviewColumns {

    static final List<String> REQUIRED = List.of("reviewer", "product", "time", "rating", "text");

    private ReviewColumns() {
    }

    /** The reviews in row order. */
    static List<Review> reviews(Dataset data) {
        for (String column : REQUIRED) {
            if (!data.hasColumn(column)) {
                throw new IllegalArgumentException("the training data has no column '" + column + "'; a review "
                        + "dataset has the columns " + REQUIRED + ", an optional 'accountCreated' and a 0/1 label");
            }
        }
        String[] reviewers = data.strings("reviewer");
        String[] products = data.strings("product");
        String[] times = data.strings("time");
        String[] created = data.hasColumn("accountCreated") ? data.strings("accountCreated") : null;
        double[] ratings = data.numbers("rating");
        String[] texts = data.strings("text");
        List<Review> reviews = new ArrayList<>(data.rowCount());
        for (int i = 0; i < data.rowCount(); i++) {
            String row = " in row " + (i + 1);
            int rating = rating(ratings[i], "column 'rating'" + row);
            long time = epochSeconds(times[i], "column 'time'" + row);
            long account = created == null || created[i] == null || created[i].isBlank() ? Review.UNKNOWN
                    : epochSeconds(created[i], "column 'accountCreated'" + row);
            reviews.add(new Review(text(reviewers[i]), text(products[i]), time, account, rating, text(texts[i])));
        }
        return reviews;
    }

    /** The 0/1 labels of a column. */
    static boolean[] labels(Dataset data, String column) {
        if (!data.hasColumn(column) || !data.isNumeric(column)) {
            throw new IllegalArgumentException("hyper-parameter 'labelColumn': the training data has no numeric "
                    + "column '" + column + "' (1 = abusive review, 0 = genuine)");
        }
        double[] values = data.numbers(column);
        boolean[] labels = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException("column '" + column + "' in row " + (i + 1)
                        + " must be 0 or 1, got " + values[i]);
            }
            labels[i] = values[i] == 1;
        }
        return labels;
    }

    static int rating(double value, String where) {
        if (value != Math.rint(value) || value < 1 || value > 5) {
            throw new IllegalArgumentException(where + " must be a whole number of stars from 1 to 5, got " + value);
        }
        return (int) value;
    }

    /** Epoch seconds of an ISO-8601 instant or date. */
    static long epochSeconds(String text, String where) {
        String t = text == null ? "" : text.strip();
        try {
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                    : Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be an ISO-8601 time such as 2024-03-01T10:15:00Z or a "
                    + "date such as 2024-03-01, got '" + t + "'");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
