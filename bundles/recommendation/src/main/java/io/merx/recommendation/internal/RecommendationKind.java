package io.merx.recommendation.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;
import io.merx.sdk.kind.BaseKind;

/**
 * What the recommendation kinds share: the trainer, the scorer, the request format and the demo shop. A kind
 * differs only in its name, its parameters and its {@link Learner}.
 *
 * <p>Both kinds share the bundle's {@link RecentActivity}, bound by Declarative Services through the
 * {@code activity} reference each kind declares (optional and dynamic): every scorer of the kind reads the store
 * bound at the time of each request, and scores from the trained model alone while none is bound.
 */
public abstract class RecommendationKind extends BaseKind {

    /** DS reference name of the store, with {@link #bindActivity} and {@link #unbindActivity}. */
    static final String ACTIVITY = "activity";

    private final AtomicReference<RecentActivity> activity;

    /** Refuses, when loading, an artifact of the other recommendation kind: same files, different meaning. */
    RecommendationKind(String name, String description, List<ParameterSpec> parameters,
            Function<HyperParameters, Learner> learner) {
        this(name, description, parameters, learner, new AtomicReference<>(RecentActivity.NONE));
    }

    private RecommendationKind(String name, String description, List<ParameterSpec> parameters,
            Function<HyperParameters, Learner> learner, AtomicReference<RecentActivity> activity) {
        super(name, description, parameters, (kind, hp) -> new RecommendationTrainer(kind, hp, learner.apply(hp)),
                dir -> new RecommendationScorer(ModelFiles.read(dir, name), activity::get));
        this.activity = activity;
    }

    /** The store this kind's scorers read; called by DS, and by tests and benchmarks that feed one. */
    void bindActivity(RecentActivity store) {
        activity.set(store);
    }

    void unbindActivity(RecentActivity store) {
        activity.compareAndSet(store, RecentActivity.NONE);
    }

    /** The demo shop; the sequential kind's has an order signal. */
    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.shop());
    }
}
