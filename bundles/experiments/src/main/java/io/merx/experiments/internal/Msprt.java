package io.merx.experiments.internal;

/**
 * The mixture sequential probability ratio test (mSPRT) with a normal mixing distribution for the difference of
 * two proportions, after Johari, Koomen, Pekelis and Walsh, "Peeking at A/B Tests: Why it matters, and what to do
 * about it" (KDD 2017) and "Always Valid Inference: Continuous Monitoring of A/B Tests" (Operations Research 70(3),
 * 2022). Its p-value and confidence interval stay valid however often, and whenever, they are looked at.
 *
 * <p>With the observed difference {@code Δ = pB - pA}, its variance {@code s² = pA(1-pA)/nA + pB(1-pB)/nB} (arms
 * of unequal size) and the mixing variance {@code τ²}, the mixture likelihood ratio of "the difference is θ" is
 * {@code Λ(θ) = sqrt(s²/(s²+τ²)) · exp(τ²(Δ-θ)² / (2 s²(s²+τ²)))}. The always-valid p-value of "no difference"
 * is the running minimum of {@code 1/Λ(0)}; the confidence interval at level {@code 1-α} is the set of θ with
 * {@code Λ(θ) < 1/α}, intersected over time:
 * {@code Δ ± sqrt(s²(s²+τ²)/τ² · (2 ln(1/α) + ln((s²+τ²)/s²)))}.
 *
 * <p>Pure and stateless; the caller keeps the running minimum and intersection ({@link #next}).
 */
public final class Msprt {

    private Msprt() {
    }

    /**
     * One look at the data.
     *
     * @param difference the observed difference of the rates, candidate minus control
     * @param variance its estimated variance s²
     * @param pValue {@code min(1, 1/Λ(0))} at this look alone
     * @param low lower bound of this look's confidence interval
     * @param high upper bound
     */
    public record Look(double difference, double variance, double pValue, double low, double high) {
    }

    /**
     * The running state: the always-valid p-value and confidence interval so far.
     *
     * @param pValue the smallest p-value of all looks, 1 before the first
     * @param low the largest lower bound of all looks, -1 before the first
     * @param high the smallest upper bound of all looks, 1 before the first
     */
    public record Running(double pValue, double low, double high) {
        /** Before the first look. */
        public static final Running START = new Running(1, -1, 1);
    }

    /**
     * Looks at the counts of both arms.
     *
     * @param nA control impressions
     * @param sA control successes, at most {@code nA}
     * @param nB candidate impressions
     * @param sB candidate successes, at most {@code nB}
     * @param tau2 the mixing variance τ², on the scale of the difference of rates, positive
     * @param alpha the level, in (0, 1)
     */
    public static Look look(long nA, long sA, long nB, long sB, double tau2, double alpha) {
        if (!(tau2 > 0) || !(alpha > 0 && alpha < 1) || sA < 0 || sB < 0 || sA > nA || sB > nB) {
            throw new IllegalArgumentException("invalid look: nA=" + nA + " sA=" + sA + " nB=" + nB + " sB=" + sB
                    + " tau2=" + tau2 + " alpha=" + alpha);
        }
        if (nA == 0 || nB == 0) {
            return new Look(0, Double.POSITIVE_INFINITY, 1, -1, 1);
        }
        double pA = (double) sA / nA;
        double pB = (double) sB / nB;
        double difference = pB - pA;
        double s2 = pA * (1 - pA) / nA + pB * (1 - pB) / nB;
        if (s2 == 0) {
            // every impression of both arms converted, or none did: the data say nothing about a difference yet
            return new Look(difference, 0, 1, -1, 1);
        }
        double logLambda = 0.5 * Math.log(s2 / (s2 + tau2))
                + tau2 * difference * difference / (2 * s2 * (s2 + tau2));
        double pValue = Math.min(1, Math.exp(-logLambda));
        double half = Math.sqrt(s2 * (s2 + tau2) / tau2 * (2 * Math.log(1 / alpha) + Math.log((s2 + tau2) / s2)));
        return new Look(difference, s2, pValue, Math.max(-1, difference - half), Math.min(1, difference + half));
    }

    /**
     * The running p-value and interval after one more look: {@code p_n = min(p_{n-1}, 1/Λ_n)} and the intersection
     * of the intervals. Should the intersection be empty (which happens with probability at most α), the newest
     * interval is kept.
     */
    public static Running next(Running previous, Look look) {
        double low = Math.max(previous.low(), look.low());
        double high = Math.min(previous.high(), look.high());
        if (low > high) {
            low = look.low();
            high = look.high();
        }
        return new Running(Math.min(previous.pValue(), look.pValue()), low, high);
    }
}
