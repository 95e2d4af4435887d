package io.merx.customers.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the date of an order line. Customer models count in days, so a date-time keeps only its date: the local
 * date as written, or the UTC date of an instant ending in {@code Z}.
 */
public final class OrderDates {

    private OrderDates() {
    }

    /**
     * The day of an ISO-8601 date ({@code 2016-11-08}), local date-time ({@code 2016-11-08T10:15:00}), offset
     * date-time ({@code 2016-11-08T10:15:00+01:00}) or instant ({@code 2016-11-08T09:15:00Z}).
     *
     * @return days since 1970-01-01
     * @throws DateTimeParseException when the text is none of these
     */
    public static int parse(String text) {
        String s = text.trim();
        if (s.length() == 10) {
            return Math.toIntExact(LocalDate.parse(s).toEpochDay());
        }
        if (s.endsWith("Z")) {
            return Math.toIntExact(OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
                    .toEpochDay());
        }
        if (s.indexOf('+', 10) > 0 || s.lastIndexOf('-') > 10) {
            return Math.toIntExact(OffsetDateTime.parse(s).toLocalDate().toEpochDay());
        }
        return Math.toIntExact(LocalDateTime.parse(s).toLocalDate().toEpochDay());
    }

    /** The date of a day number. */
    public static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }
}
