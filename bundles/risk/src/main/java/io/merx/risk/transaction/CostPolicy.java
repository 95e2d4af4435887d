package io.merx.risk.transaction;

/**
 * The decision for a calibrated fraud probability p, at stated costs: allowing costs p x missedFraudCost in
 * expectation, blocking (1 - p) x blockedGoodCost, a manual review reviewCost (assumed to catch the fraud). The
 * cheapest action wins, so with calibrated probabilities the thresholds follow from the costs alone: review above
 * reviewCost / missedFraudCost, block above 1 - reviewCost / blockedGoodCost (or, when review is dearer than both,
 * above blockedGoodCost / (blockedGoodCost + missedFraudCost)).
 *
 * @param missedFraudCost cost of letting a fraudulent order through (chargeback, goods), in units of your choice
 * @param blockedGoodCost cost of blocking a good order (lost margin, a customer annoyed), same units
 * @param reviewCost cost of one manual review, same units
 */
record CostPolicy(double missedFraudCost, double blockedGoodCost, double reviewCost) {

    /** The three decisions. */
    enum Decision {
        ALLOW, REVIEW, BLOCK;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    CostPolicy {
        positive("missedFraudCost", missedFraudCost);
        positive("blockedGoodCost", blockedGoodCost);
        positive("reviewCost", reviewCost);
    }

    Decision decide(double p) {
        double allow = p * missedFraudCost;
        double block = (1 - p) * blockedGoodCost;
        if (reviewCost < allow && reviewCost <= block) {
            return Decision.REVIEW;
        }
        return block < allow ? Decision.BLOCK : Decision.ALLOW;
    }

    /** The expected cost of a decision for an order whose truth is known. */
    double cost(Decision decision, boolean fraud) {
        return switch (decision) {
            case ALLOW -> fraud ? missedFraudCost : 0;
            case BLOCK -> fraud ? 0 : blockedGoodCost;
            case REVIEW -> reviewCost;
        };
    }

    /** The lowest probability that is reviewed (or blocked). */
    double reviewAbove() {
        return Math.min(reviewCost / missedFraudCost, blockAbove());
    }

    /** The lowest probability that is blocked. */
    double blockAbove() {
        double direct = blockedGoodCost / (blockedGoodCost + missedFraudCost);
        return Math.max(direct, 1 - reviewCost / blockedGoodCost);
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }
}
