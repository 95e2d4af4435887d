/**
 * The forecasting model kind {@code forecasting.demand}: one model forecasts many series (one per SKU or store)
 * with exponential smoothing (ETS, chosen by AICc), Theta, seasonal naive, Croston/SBA for intermittent demand,
 * a global DL4J multilayer perceptron, or their ensemble; every forecast carries 80 % and 95 % intervals, and a
 * request can ask for inventory advice and an SVG plot. The implementation lives in the {@code internal}
 * package; callers use it through {@link io.merx.api.ModelKind}.
 */
package io.merx.forecasting;
