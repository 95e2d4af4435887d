package io.merx.benchmarks.experiments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.experiments.internal.Counts;
import io.merx.experiments.internal.Experiment;
import io.merx.experiments.internal.GuardrailLimits;
import io.merx.experiments.internal.Judge;
import io.merx.experiments.internal.Observation;

/**
 * Simulated experiments with known truth: each arm's impressions convert with a known rate, and the experiments
 * bundle's own {@link Judge} (mSPRT, minimum sample, promote/rollback rules) looks after every
 * {@value #LOOK_EVERY} impressions per arm, as a scheduled evaluation would. On the same streams a fixed-horizon
 * two-sided two-proportion z-test at level alpha decides once, at the sample size that gives it 80 % power for a
 * 5 % relative lift. Reports false promotions (A/A), power and the impressions needed to decide.
 *
 * <pre>
 * mvn -Pbenchmarks -pl benchmarks/experiments -am install -DskipTests
 * mvn -Pbenchmarks -pl benchmarks/experiments exec:exec -Dbenchmark.args=1000
 * </pre>
 */
public final class ExperimentsBenchmark {

    /** The live version's conversion rate per answer: a typical e-commerce conversion rate (about 3 %). */
    static final double BASE_RATE = 0.03;
    static final double ALPHA = 0.05;
    static final int LOOK_EVERY = 2_000;
    /** Impressions per arm at which a still-undecided sequential experiment ends INCONCLUSIVE. */
    static final long CAP_PER_ARM = 2_000_000;
    static final double Z_ALPHA_HALF = 1.959963984540054;
    static final double Z_POWER_80 = 0.8416212335729143;

    private ExperimentsBenchmark() {
    }

    /** What became of one simulated run under both tests. */
    record Outcome(ExperimentState sequential, long sequentialImpressions, int fixedSign) {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long fixedPerArm = fixedHorizonPerArm(BASE_RATE, BASE_RATE * 1.05);
        System.out.printf(Locale.ROOT, "Base rate %.3f, alpha %.2f, 50/50 split, look every %d impressions per arm,"
                + " sequential cap %d per arm; fixed horizon %d per arm (80 %% power at +5 %%)%n", BASE_RATE, ALPHA,
                LOOK_EVERY, CAP_PER_ARM, fixedPerArm);
        System.out.println("| scenario | runs | sequential: promoted | rolled back | inconclusive | median impressions"
                + " to decide (both arms) | sequential promoted within the fixed horizon | fixed horizon: promoted |"
                + " rolled back | impressions (both arms) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (double lift : new double[] {0, 0.05, 0.01}) {
            long started = System.nanoTime();
            List<Outcome> outcomes = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                outcomes.add(simulate(new SplittableRandom(1_000_003L * run + Math.round(lift * 1000)), lift,
                        fixedPerArm));
            }
            report(lift, outcomes, fixedPerArm, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Per-arm sample size of the two-sided z-test for 80 % power at the given rates (Fleiss, normal approx.). */
    static long fixedHorizonPerArm(double p1, double p2) {
        double z = Z_ALPHA_HALF + Z_POWER_80;
        double d = p2 - p1;
        return (long) Math.ceil(z * z * (p1 * (1 - p1) + p2 * (1 - p2)) / (d * d));
    }

    static Outcome simulate(SplittableRandom random, double lift, long fixedPerArm) {
        double candidateRate = BASE_RATE * (1 + lift);
        ExperimentSpec spec = ExperimentSpec.builder("sim", "2").percent(50).alpha(ALPHA).minSamples(1000)
                .maxImpressions(2 * CAP_PER_ARM).build();
        Judge judge = new Judge(new GuardrailLimits(0.5, 5, 200));
        Instant t0 = Instant.EPOCH;
        Experiment e = Experiment.started("sim", spec, "1", 0, Counts.ZERO, Counts.ZERO, t0);
        long n = 0;
        long sA = 0;
        long sB = 0;
        int fixedSign = Integer.MIN_VALUE;
        long decidedAt = 0;
        while (e.state() == ExperimentState.RUNNING || fixedSign == Integer.MIN_VALUE) {
            long step = LOOK_EVERY;
            if (fixedSign == Integer.MIN_VALUE && n < fixedPerArm && n + step > fixedPerArm) {
                step = fixedPerArm - n; // land exactly on the fixed horizon
            }
            sA += binomial(random, step, BASE_RATE);
            sB += binomial(random, step, candidateRate);
            n += step;
            if (n == fixedPerArm) {
                fixedSign = zTest(n, sA, n, sB);
            }
            if (e.state() == ExperimentState.RUNNING) {
                e = judge.judge(e, new Observation("1", "2", 50, new Counts(n, sA), new Counts(n, sB), null, null),
                        t0.plusSeconds(n));
                if (e.state() != ExperimentState.RUNNING) {
                    decidedAt = 2 * n;
                }
            }
        }
        return new Outcome(e.state(), decidedAt, fixedSign);
    }

    /** +1 when the two-sided pooled z-test rejects with the candidate higher, -1 lower, 0 when it does not reject. */
    static int zTest(long nA, long sA, long nB, long sB) {
        double pA = (double) sA / nA;
        double pB = (double) sB / nB;
        double pooled = (double) (sA + sB) / (nA + nB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        if (se == 0) {
            return 0;
        }
        double z = (pB - pA) / se;
        return Math.abs(z) > Z_ALPHA_HALF ? (int) Math.signum(z) : 0;
    }

    /** Successes in {@code trials} Bernoulli trials, exactly: the count of geometric waiting times that fit. */
    static long binomial(SplittableRandom random, long trials, double p) {
        double logQ = Math.log1p(-p);
        long count = 0;
        long position = 0;
        while (true) {
            double u = 1 - random.nextDouble(); // in (0, 1]
            position += (long) Math.floor(Math.log(u) / logQ) + 1;
            if (position > trials || position <= 0) {
                return count;
            }
            count++;
        }
    }

    private static void report(double lift, List<Outcome> outcomes, long fixedPerArm, double seconds) {
        int runs = outcomes.size();
        long promoted = outcomes.stream().filter(o -> o.sequential() == ExperimentState.PROMOTED).count();
        long rolledBack = outcomes.stream().filter(o -> o.sequential() == ExperimentState.ROLLED_BACK).count();
        long inconclusive = outcomes.stream().filter(o -> o.sequential() == ExperimentState.INCONCLUSIVE).count();
        long[] decided = outcomes.stream().filter(o -> o.sequential() == ExperimentState.PROMOTED
                || o.sequential() == ExperimentState.ROLLED_BACK).mapToLong(Outcome::sequentialImpressions).sorted()
                .toArray();
        long median = decided.length == 0 ? 0 : decided[decided.length / 2];
        long promotedEarly = outcomes.stream().filter(o -> o.sequential() == ExperimentState.PROMOTED
                && o.sequentialImpressions() <= 2 * fixedPerArm).count();
        long fixedUp = outcomes.stream().filter(o -> o.fixedSign() > 0).count();
        long fixedDown = outcomes.stream().filter(o -> o.fixedSign() < 0).count();
        String scenario = lift == 0 ? "A/A (no lift)" : String.format(Locale.ROOT, "A/B +%.0f %%", lift * 100);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %,d | %s | %s | %s | %,d |  (%.1f s)%n", scenario,
                runs, share(promoted, runs), share(rolledBack, runs), share(inconclusive, runs), median,
                share(promotedEarly, runs), share(fixedUp, runs), share(fixedDown, runs), 2 * fixedPerArm, seconds);
    }

    private static String share(long count, int runs) {
        return String.format(Locale.ROOT, "%d (%.1f %%)", count, 100.0 * count / runs);
    }
}
