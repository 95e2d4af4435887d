package io.merx.customers.internal.lifetime;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters: Nelder-Mead (Commons Math) on their logarithms, so every step
 * stays in the valid region without constraints, restarted from the optimum until a restart no longer improves
 * (a simplex can collapse early on a curved ridge; restarting is the usual cure).
 */
final class LogSpaceFit {

    private static final int MAX_EVALUATIONS = 50_000;
    private static final int MAX_RESTARTS = 5;

    private LogSpaceFit() {
    }

    /**
     * @param logLikelihood total log-likelihood at the given (positive) parameters
     * @param start a starting point, positive
     * @return the parameters maximising it
     */
    static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        MultivariateFunction objective = logParams -> {
            double[] params = new double[logParams.length];
            for (int i = 0; i < params.length; i++) {
                // Beyond e^+-30 the models are degenerate (a point mass or a flat prior); keeping the simplex out
                // of there keeps log-gamma finite.
                if (Math.abs(logParams[i]) > 30) {
                    return Double.NEGATIVE_INFINITY;
                }
                params[i] = Math.exp(logParams[i]);
            }
            double value = logLikelihood.applyAsDouble(params);
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        };
        double[] point = new double[start.length];
        for (int i = 0; i < point.length; i++) {
            point[i] = Math.log(start[i]);
        }
        double best = Double.NEGATIVE_INFINITY;
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(objective),
                    GoalType.MAXIMIZE, new InitialGuess(point), new NelderMeadSimplex(point.length, 0.5));
            boolean improved = result.getValue() > best + 1e-9 * Math.max(1, Math.abs(best));
            point = result.getPoint();
            best = result.getValue();
            if (!improved) {
                break;
            }
        }
        if (!Double.isFinite(best)) {
            throw new IllegalArgumentException("the likelihood is not finite anywhere the fit looked; the data "
                    + "cannot be fitted");
        }
        double[] params = new double[point.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = Math.exp(point[i]);
        }
        return params;
    }
}
