package io.merx.recommendation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Turns a timestamp cell into seconds since the epoch; only the order of timestamps matters to this module. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses a number, an ISO date ({@code 2016-11-08}), a local or offset date-time or an instant.
     *
     * @return seconds since the epoch (UTC), or NaN when the text is none of these
     */
    static double parse(String text) {
        String s = text.trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException notANumber) {
            // fall through to the date formats
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).toEpochDay() * 86_400.0;
            }
            if (s.endsWith("Z")) {
                return Instant.parse(s).getEpochSecond();
            }
            if (s.indexOf('+', 10) > 0 || s.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(s).toEpochSecond();
            }
            return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
