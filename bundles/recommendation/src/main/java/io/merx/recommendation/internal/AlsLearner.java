package io.merx.recommendation.internal;

import java.util.Map;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Learns user and item factors by implicit ALS on weights transformed by {@link Weighting}; each fit starts afresh
 * from the seed.
 */
final class AlsLearner implements Learner {

    private final AlsConfig config;
    private final String weighting;
    private double lastLoss = Double.NaN;

    AlsLearner(AlsConfig config, String weighting) {
        this.config = config;
        this.weighting = weighting;
        if (!Weighting.ALL.contains(weighting)) {
            throw new IllegalArgumentException("hyper-parameter 'weighting' must be one of " + Weighting.ALL
                    + ", got '" + weighting + "'");
        }
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        Interactions weighted = Weighting.apply(data, weighting);
        ImplicitAls als = new ImplicitAls(config);
        Factors factors = als.fit(weighted, context);
        lastLoss = als.lastLoss();
        String bad = factors.firstNonFinite();
        if (bad != null) {
            throw new TrainingException("ALS produced a non-finite " + bad + "; raise regularisation");
        }
        // The stored weights are the transformed ones: fold-in then weighs a user's items as training did.
        return ModelData.of(weighted, factors, config.alpha(), config.regularisation(), config.scaleRegularisation());
    }

    @Override
    public Map<String, Double> notes() {
        return Map.of("trainingLoss", lastLoss);
    }

    @Override
    public String toString() {
        return "als weighting=" + weighting + " rank=" + config.rank() + " regularisation=" + config.regularisation()
                + " alpha=" + config.alpha();
    }
}
