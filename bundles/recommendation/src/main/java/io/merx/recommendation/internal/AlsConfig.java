package io.merx.recommendation.internal;

import io.merx.api.HyperParameters;

/**
 * Settings of one implicit-ALS run.
 *
 * @param rank number of latent factors
 * @param iterations full sweeps (users then items)
 * @param regularisation L2 penalty lambda
 * @param alpha confidence slope: an interaction of weight r counts with confidence {@code 1 + alpha * r}
 * @param scaleRegularisation multiply lambda by each user's/item's number of interactions (as Spark MLlib
 *        does), so the same value means the same thing as there
 * @param solver {@code cg} (a few conjugate-gradient steps warm-started from the previous sweep, as in Takacs et
 *        al. 2011: about half the arithmetic of Cholesky per interaction, same ranking quality in our tests) or
 *        {@code cholesky} (exact solve per user/item)
 * @param cgSteps conjugate-gradient steps per solve
 * @param seed seed of the random initial factors
 * @param threads worker threads; 0 means one per available processor
 */
public record AlsConfig(int rank, int iterations, double regularisation, double alpha, boolean scaleRegularisation,
        String solver, int cgSteps, long seed, int threads) {

    public static final String CHOLESKY = "cholesky";
    public static final String CG = "cg";

    static AlsConfig of(HyperParameters hp) {
        return new AlsConfig(hp.getInt("rank"), hp.getInt("iterations"), hp.getDouble("regularisation"),
                hp.getDouble("alpha"), hp.getBoolean("scaleRegularisation"), hp.getString("solver"),
                hp.getInt("cgSteps"), hp.getLong("seed"), hp.getInt("threads"));
    }

    int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
