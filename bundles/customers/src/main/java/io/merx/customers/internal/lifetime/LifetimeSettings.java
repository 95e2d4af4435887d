package io.merx.customers.internal.lifetime;

import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;
import io.merx.customers.internal.OrderColumns;
import io.merx.customers.internal.OrderDates;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The hyper-parameters of {@code customers.lifetime} (besides the order columns) and a typed view. */
record LifetimeSettings(String timeUnit, String calibrationEnd, double calibrationFraction, double horizon,
        double discountRate, double intervalLevel, int draws, String serving, long seed) {

    static final List<ParameterSpec> PARAMETERS;

    static {
        List<ParameterSpec> specs = new ArrayList<>(OrderColumns.PARAMETERS);
        specs.addAll(List.of(
                ParameterSpec.choice("timeUnit", "weeks", List.of("days", "weeks"), "unit of recency, age and "
                        + "horizon (the fitted alpha is per unit too)"),
                ParameterSpec.text("calibrationEnd", "", "last day (ISO date) of the calibration period; empty = "
                        + "first day + calibrationFraction of the data's time span"),
                ParameterSpec.real("calibrationFraction", 0.75, 0.1, 0.95, "share of the time span that is the "
                        + "calibration period when calibrationEnd is empty; the rest is the hold-out"),
                ParameterSpec.real("horizon", 52, 0.01, 5200, "default horizon of a prediction, in time units"),
                ParameterSpec.real("discountRate", 0, 0, 1, "yearly discount rate of the expected value (0.1 = 10 %"
                        + " a year)"),
                ParameterSpec.real("intervalLevel", 0.8, 0.5, 0.995, "default level of the prediction intervals"),
                ParameterSpec.integer("draws", 2000, 100, 100_000, "posterior simulations per request for the "
                        + "intervals"),
                ParameterSpec.choice("serving", "refit", List.of("refit", "calibration"), "refit: the served "
                        + "model is refitted on all data after the hold-out evaluation; calibration: it keeps the "
                        + "parameters fitted on the calibration period (customers' summaries use all data either "
                        + "way)"),
                ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the interval simulations")));
        PARAMETERS = List.copyOf(specs);
    }

    static LifetimeSettings of(HyperParameters hp) {
        LifetimeSettings settings = new LifetimeSettings(hp.getString("timeUnit"), hp.getString("calibrationEnd"),
                hp.getDouble("calibrationFraction"), hp.getDouble("horizon"), hp.getDouble("discountRate"),
                hp.getDouble("intervalLevel"), hp.getInt("draws"), hp.getString("serving"), hp.getLong("seed"));
        settings.calibrationEndDay();
        return settings;
    }

    double daysPerUnit() {
        return timeUnit.equals("weeks") ? 7 : 1;
    }

    /** The yearly discount rate as a rate per time unit. */
    double discountPerUnit() {
        return Math.pow(1 + discountRate, daysPerUnit() / 365.25) - 1;
    }

    /** The calibration end as days since 1970-01-01, or -1 when it comes from the fraction. */
    int calibrationEndDay() {
        if (calibrationEnd.isBlank()) {
            return -1;
        }
        try {
            return OrderDates.parse(calibrationEnd.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hyper-parameter 'calibrationEnd' must be an ISO date such as "
                    + "2017-01-31, got '" + calibrationEnd + "'");
        }
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("timeUnit", timeUnit);
        p.setProperty("calibrationEnd", calibrationEnd);
        p.setProperty("calibrationFraction", Double.toString(calibrationFraction));
        p.setProperty("horizon", Double.toString(horizon));
        p.setProperty("discountRate", Double.toString(discountRate));
        p.setProperty("intervalLevel", Double.toString(intervalLevel));
        p.setProperty("draws", Integer.toString(draws));
        p.setProperty("serving", serving);
        p.setProperty("seed", Long.toString(seed));
        return p;
    }

    static LifetimeSettings fromProperties(Properties p) {
        return new LifetimeSettings(p.getProperty("timeUnit"), p.getProperty("calibrationEnd"),
                Double.parseDouble(p.getProperty("calibrationFraction")), Double.parseDouble(p.getProperty("horizon")),
                Double.parseDouble(p.getProperty("discountRate")), Double.parseDouble(p.getProperty("intervalLevel")),
                Integer.parseInt(p.getProperty("draws")), p.getProperty("serving"),
                Long.parseLong(p.getProperty("seed")));
    }
}
