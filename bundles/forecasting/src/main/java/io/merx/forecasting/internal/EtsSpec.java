package io.merx.forecasting.internal;

/**
 * The shape of an exponential smoothing state-space model in Hyndman's taxonomy: error (A/M), trend (N, A or
 * damped Ad) and season (N/A/M) with period {@code m}.
 */
record EtsSpec(boolean multiplicativeError, boolean trend, boolean damped, char season, int m) {

    EtsSpec {
        if (damped && !trend) {
            throw new IllegalArgumentException("a damped model needs a trend");
        }
        if (season != 'N' && season != 'A' && season != 'M') {
            throw new IllegalArgumentException("season must be N, A or M, got " + season);
        }
    }

    boolean seasonal() {
        return season != 'N';
    }

    /** Smoothing parameters alpha, beta, gamma, phi that this shape has. */
    int smoothingCount() {
        return 1 + (trend ? 1 : 0) + (seasonal() ? 1 : 0) + (damped ? 1 : 0);
    }

    /** Free initial states: level, slope, and m-1 seasonal states (the last follows from normalisation). */
    int initialStateCount() {
        return 1 + (trend ? 1 : 0) + (seasonal() ? m - 1 : 0);
    }

    /** Parameters counted by the information criterion, including the error variance. */
    int parameterCount() {
        return smoothingCount() + initialStateCount() + 1;
    }

    /** Additive error with additive (or no) trend and season: the class with closed-form interval variances. */
    boolean analyticIntervals() {
        return !multiplicativeError && season != 'M';
    }

    String name() {
        return "ETS(" + (multiplicativeError ? "M" : "A") + "," + (trend ? damped ? "Ad" : "A" : "N") + "," + season
                + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
