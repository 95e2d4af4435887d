package io.merx.customers.internal.lifetime;

/**
 * One customer's calibration-period summary in the form BG/NBD and Gamma-Gamma read (Fader, Hardie and Lee 2005):
 * {@code x} repeat transactions (purchase days after the first), {@code tx} time of the last one and {@code age}
 * ({@code T}) time from the first purchase to the end of the period, both counted from the first purchase in the
 * model's time unit, and the mean spend of the repeat transactions (0 when {@code x = 0}).
 */
record RfmSummary(int x, double tx, double age, double meanSpend) {

    RfmSummary {
        if (x < 0) {
            throw new IllegalArgumentException("repeat transactions 'x' must be >= 0, got " + x);
        }
        if (!(tx >= 0) || !(age >= tx)) {
            throw new IllegalArgumentException("need 0 <= recency 'tx' <= age 'T', got tx=" + tx + ", T=" + age);
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("a customer without repeat transactions has recency 0, got " + tx);
        }
        if (!(meanSpend >= 0) || Double.isInfinite(meanSpend)) {
            throw new IllegalArgumentException("mean spend must be finite and >= 0, got " + meanSpend);
        }
    }
}
