package io.merx.forecasting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;

/**
 * Turns the long table (series, period, value) into one regular array per series. Periods are integer indices or
 * ISO dates; dates are mapped to periods of the frequency their median spacing shows (daily, weekly, monthly,
 * quarterly, yearly), which also gives the default season. Missing periods and NaN values inside a series are
 * filled by linear interpolation between the neighbouring observations; leading and trailing gaps are dropped.
 */
final class SeriesTable {

    private static final int MAX_SPAN = 100_000;

    private final Map<String, double[]> series;
    private final Map<String, Integer> interpolated;
    private final int season;
    private final String frequency;

    private SeriesTable(Map<String, double[]> series, Map<String, Integer> interpolated, int season,
            String frequency) {
        this.series = series;
        this.interpolated = interpolated;
        this.season = season;
        this.frequency = frequency;
    }

    Map<String, double[]> series() {
        return series;
    }

    /** Number of values filled in per series (only series that had gaps). */
    Map<String, Integer> interpolated() {
        return interpolated;
    }

    /** The season the periods suggest: 12 for monthly dates, 1 for integer periods. */
    int season() {
        return season;
    }

    String frequency() {
        return frequency;
    }

    static SeriesTable from(Dataset data, Settings settings) {
        String[] ids = data.strings(settings.seriesColumn());
        double[] values = data.numbers(settings.valueColumn());
        long[] periods;
        int season = 1;
        String frequency = "index";
        if (data.isNumeric(settings.timeColumn())) {
            double[] t = data.numbers(settings.timeColumn());
            periods = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i]) || t[i] != Math.rint(t[i])) {
                    throw new IllegalArgumentException("column '" + settings.timeColumn() + "' row " + (i + 1)
                            + " must be an integer period or an ISO date, got " + t[i]);
                }
                periods[i] = (long) t[i];
            }
        } else {
            String[] t = data.strings(settings.timeColumn());
            LocalDate[] dates = new LocalDate[t.length];
            for (int i = 0; i < t.length; i++) {
                dates[i] = parseDate(settings.timeColumn(), i, t[i]);
            }
            frequency = frequencyOf(dates);
            season = switch (frequency) {
                case "daily" -> 7;
                case "weekly" -> 52;
                case "monthly" -> 12;
                case "quarterly" -> 4;
                default -> 1;
            };
            periods = new long[t.length];
            String f = frequency;
            for (int i = 0; i < t.length; i++) {
                periods[i] = periodOf(dates[i], f);
            }
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].isBlank()) {
                throw new IllegalArgumentException("column '" + settings.seriesColumn() + "' row " + (i + 1)
                        + " is empty");
            }
            rows.computeIfAbsent(ids[i], k -> new ArrayList<>()).add(i);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        Map<String, Integer> filled = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> entry : rows.entrySet()) {
            List<Integer> r = entry.getValue();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i : r) {
                min = Math.min(min, periods[i]);
                max = Math.max(max, periods[i]);
            }
            if (max - min >= MAX_SPAN) {
                throw new IllegalArgumentException("column '" + settings.timeColumn() + "' spans " + (max - min + 1)
                        + " periods for series '" + entry.getKey() + "'; at most " + MAX_SPAN + " are supported");
            }
            double[] y = new double[(int) (max - min + 1)];
            Arrays.fill(y, Double.NaN);
            Map<Long, Boolean> seen = new HashMap<>();
            for (int i : r) {
                if (seen.put(periods[i], Boolean.TRUE) != null) {
                    throw new IllegalArgumentException("column '" + settings.timeColumn() + "' repeats period "
                            + periods[i] + " for series '" + entry.getKey() + "' (row " + (i + 1) + ")");
                }
                y[(int) (periods[i] - min)] = values[i];
            }
            int[] count = new int[1];
            double[] clean = interpolate(y, count);
            if (clean.length > 0) {
                series.put(entry.getKey(), clean);
                if (count[0] > 0) {
                    filled.put(entry.getKey(), count[0]);
                }
            }
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("column '" + settings.valueColumn() + "' has no finite value");
        }
        return new SeriesTable(series, filled, season, frequency);
    }

    /**
     * Drops leading and trailing NaN and fills inner NaN runs linearly; {@code filled[0]} receives how many values
     * were filled. Infinite values count as missing.
     */
    static double[] interpolate(double[] raw, int[] filled) {
        int first = 0;
        while (first < raw.length && !Double.isFinite(raw[first])) {
            first++;
        }
        int last = raw.length - 1;
        while (last >= first && !Double.isFinite(raw[last])) {
            last--;
        }
        if (first > last) {
            return new double[0];
        }
        double[] y = Arrays.copyOfRange(raw, first, last + 1);
        int previous = 0;
        for (int i = 1; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                for (int k = previous + 1; k < i; k++) {
                    y[k] = y[previous] + (y[i] - y[previous]) * (k - previous) / (i - previous);
                    filled[0]++;
                }
                previous = i;
            }
        }
        return y;
    }

    private static LocalDate parseDate(String column, int row, String text) {
        if (text == null) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1) + " is empty");
        }
        String s = text.trim();
        try {
            if (s.length() == 7) {
                return YearMonth.parse(s).atDay(1);
            }
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column '" + column + "' row " + (row + 1)
                    + " must be an integer period or an ISO date (yyyy-MM-dd, yyyy-MM), got '" + text + "'");
        }
    }

    private static String frequencyOf(LocalDate[] dates) {
        long[] days = Arrays.stream(dates).mapToLong(LocalDate::toEpochDay).distinct().sorted().toArray();
        if (days.length < 2) {
            return "monthly";
        }
        long[] gaps = new long[days.length - 1];
        for (int i = 1; i < days.length; i++) {
            gaps[i - 1] = days[i] - days[i - 1];
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        if (median <= 1) {
            return "daily";
        }
        if (median <= 10) {
            return "weekly";
        }
        if (median <= 45) {
            return "monthly";
        }
        if (median <= 120) {
            return "quarterly";
        }
        return "yearly";
    }

    static long periodOf(LocalDate date, String frequency) {
        return switch (frequency) {
            case "daily" -> date.toEpochDay();
            case "weekly" -> Math.floorDiv(date.toEpochDay() + 3, 7); // Monday-based weeks
            case "monthly" -> date.getYear() * 12L + date.getMonthValue() - 1;
            case "quarterly" -> date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
            default -> date.getYear();
        };
    }
}
