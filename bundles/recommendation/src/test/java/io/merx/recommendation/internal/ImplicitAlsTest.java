package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/** The ALS solver: the normal equations hold, solvers agree, threads do not change results, cancel works. */
class ImplicitAlsTest {

    private static final Interactions DATA = Interactions.from(ShopDataGenerator.generate(200, 80, 3_000, 3),
            new Columns("user", "item", "weight", "timestamp", "category"));

    private static AlsConfig config(String solver, int threads, int iterations) {
        return new AlsConfig(6, iterations, 0.05, 5, true, solver, 3, 9, threads);
    }

    @Test
    void userFactorsSolveTheirNormalEquations() throws Exception {
        AlsConfig config = config(AlsConfig.CHOLESKY, 2, 1);
        Factors f = new ImplicitAls(config).fit(DATA, TrainingContext.silent());
        // After a sweep the item factors were solved last: each item's equation holds exactly in double maths
        // up to the float rounding of the stored factors.
        int k = config.rank();
        Interactions.ItemMajor byItem = DATA.itemMajor();
        double[] users = new double[f.users().length];
        for (int i = 0; i < users.length; i++) {
            users[i] = f.users()[i];
        }
        double[] gram = ImplicitAls.gram(users, DATA.userCount(), k);
        int item = 5;
        double[] lhs = new double[k];
        double[] rhs = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = f.items()[item * k + i];
        }
        int count = byItem.ptr()[item + 1] - byItem.ptr()[item];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                lhs[i] += gram[i * k + j] * y[j];
            }
            lhs[i] += config.regularisation() * count * y[i];
        }
        for (int p = byItem.ptr()[item]; p < byItem.ptr()[item + 1]; p++) {
            double c = 1 + config.alpha() * byItem.weights()[p];
            double dot = 0;
            for (int i = 0; i < k; i++) {
                dot += users[byItem.users()[p] * k + i] * y[i];
            }
            for (int i = 0; i < k; i++) {
                double x = users[byItem.users()[p] * k + i];
                lhs[i] += (c - 1) * dot * x;
                rhs[i] += c * x;
            }
        }
        for (int i = 0; i < k; i++) {
            assertEquals(rhs[i], lhs[i], 1e-3 * (1 + Math.abs(rhs[i])), "equation " + i);
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Factors one = new ImplicitAls(config(AlsConfig.CHOLESKY, 1, 3)).fit(DATA, TrainingContext.silent());
        Factors two = new ImplicitAls(config(AlsConfig.CHOLESKY, 2, 3)).fit(DATA, TrainingContext.silent());
        assertArrayEquals(one.users(), two.users());
        assertArrayEquals(one.items(), two.items());
    }

    @Test
    void conjugateGradientReachesAboutTheSameLoss() throws Exception {
        ImplicitAls exact = new ImplicitAls(config(AlsConfig.CHOLESKY, 2, 8));
        exact.fit(DATA, TrainingContext.silent());
        ImplicitAls cg = new ImplicitAls(config(AlsConfig.CG, 2, 8));
        cg.fit(DATA, TrainingContext.silent());
        assertTrue(cg.lastLoss() < exact.lastLoss() * 1.05, cg.lastLoss() + " vs " + exact.lastLoss());
    }

    @Test
    void cancellationStopsTraining() {
        TrainingContext cancelled = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(TrainingException.class,
                () -> new ImplicitAls(config(AlsConfig.CHOLESKY, 1, 3)).fit(DATA, cancelled));
    }

    @Test
    void hyperParametersAreValidatedByName() {
        AlsKind kind = new AlsKind();
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("rank", 0, "alpha", -1, "iterations", 0,
                "regularisation", -0.5, "solver", "lbfgs", "evalK", 5_000).entrySet()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> HyperParameters.of(kind.parameters(), Map.of(bad.getKey(), bad.getValue())));
            assertTrue(error.getMessage().contains("'" + bad.getKey() + "'"), error.getMessage());
        }
    }
}
