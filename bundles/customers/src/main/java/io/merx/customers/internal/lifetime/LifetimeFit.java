package io.merx.customers.internal.lifetime;

import java.util.Collection;

/** Fits BG/NBD and Gamma-Gamma to customers' summaries by maximum likelihood. */
final class LifetimeFit {

    private LifetimeFit() {
    }

    static BgNbd bgNbd(Collection<RfmSummary> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit BG/NBD on");
        }
        double meanAge = customers.stream().mapToDouble(RfmSummary::age).average().orElse(1);
        double meanRate = customers.stream().mapToDouble(c -> c.x() / Math.max(c.age(), 1e-9)).average().orElse(1);
        if (customers.stream().allMatch(c -> c.x() == 0)) {
            throw new IllegalArgumentException("no customer made a repeat purchase in the calibration period: "
                    + "BG/NBD has nothing to learn a purchase rate from");
        }
        // Start where the prior mean rate r/alpha matches the observed mean rate, on the time unit's scale.
        double alpha0 = Math.max(meanAge, 1e-3);
        double r0 = Math.max(meanRate * alpha0, 1e-3);
        double[] fitted = LogSpaceFit.maximise(params -> {
            BgNbd model = new BgNbd(params[0], params[1], params[2], params[3]);
            double sum = 0;
            for (RfmSummary c : customers) {
                sum += model.logLikelihood(c.x(), c.tx(), c.age());
            }
            return sum;
        }, new double[] {r0, alpha0, 1, 1});
        return new BgNbd(fitted[0], fitted[1], fitted[2], fitted[3]);
    }

    /** Fitted on the customers with a repeat transaction and positive mean spend, as the model requires. */
    static GammaGamma gammaGamma(Collection<RfmSummary> customers) {
        var repeat = customers.stream().filter(c -> c.x() > 0 && c.meanSpend() > 0).toList();
        if (repeat.size() < 2) {
            throw new IllegalArgumentException("Gamma-Gamma needs at least 2 customers with a repeat purchase of "
                    + "positive amount, got " + repeat.size());
        }
        double mean = repeat.stream().mapToDouble(RfmSummary::meanSpend).average().orElseThrow();
        double[] fitted = LogSpaceFit.maximise(params -> {
            GammaGamma model = new GammaGamma(params[0], params[1], params[2]);
            double sum = 0;
            for (RfmSummary c : repeat) {
                sum += model.logLikelihood(c.x(), c.meanSpend());
            }
            return sum;
        }, new double[] {1, 2, mean});
        return new GammaGamma(fitted[0], fitted[1], fitted[2]);
    }
}
