package io.merx.experiments.internal;

import java.util.Random;

/** Bernoulli traffic of two arms with known rates, for the tests' simulations. */
final class SimulatedArms {

    private final Random random;
    private final double controlRate;
    private final double candidateRate;
    private long nA;
    private long sA;
    private long nB;
    private long sB;

    SimulatedArms(long seed, double controlRate, double candidateRate) {
        this.random = new Random(seed);
        this.controlRate = controlRate;
        this.candidateRate = candidateRate;
    }

    /** Serves {@code perArm} impressions to each arm. */
    void serve(int perArm) {
        for (int i = 0; i < perArm; i++) {
            nA++;
            nB++;
            sA += random.nextDouble() < controlRate ? 1 : 0;
            sB += random.nextDouble() < candidateRate ? 1 : 0;
        }
    }

    /** What an evaluation sees while nobody changes live or the canary. */
    Observation observation(String live, String candidate, double percent) {
        return new Observation(live, candidate, percent, new Counts(nA, sA), new Counts(nB, sB), null, null);
    }
}
