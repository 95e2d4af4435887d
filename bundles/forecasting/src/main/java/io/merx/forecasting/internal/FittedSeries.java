package io.merx.forecasting.internal;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A model fitted to one series: immutable, cheap to keep for thousands of series, and able to forecast any
 * horizon from its final state. {@link SeriesCodec} stores and restores it.
 */
interface FittedSeries {

    /** What was fitted, e.g. {@code ETS(M,Ad,M)}, with any fallback explained. */
    String model();

    /** Forecasts {@code h} steps ahead with 80/95 % intervals. */
    Forecast forecast(int h);

    /** Writes the model's parameters and state (without the type tag, which the codec writes). */
    void write(DataOutputStream out) throws IOException;
}
