package io.merx.risk.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.Scorer;
import io.merx.sdk.kind.BaseKind;

/**
 * {@code risk.review}: the calibrated probability that a product review is abusive (fake, copied, or rated against
 * its own words), with reason codes and an allow / review / block decision. CoreNLP's sentiment, when installed,
 * is an optional second opinion at scoring ({@link SecondOpinion}); the kind does not wait for it.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ReviewKind.NAME)
public final class ReviewKind extends BaseKind {

    public static final String NAME = "risk.review";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecondOpinion opinion;

    public ReviewKind() {
        super(NAME, "Review abuse: logistic regression on text polarity, rating-text mismatch, reviewer bursts and "
                + "MinHash near-duplicates across accounts; Platt-calibrated, reason codes, allow/review/block",
                ReviewTrainer.PARAMETERS, ReviewTrainer::new, dir -> load(dir, () -> null));
    }

    /** Loads with the second opinion of the moment: scorers ask for it per request, so it may come and go. */
    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return load(modelDirectory, () -> opinion);
    }

    private static Scorer load(Path modelDirectory, Supplier<SecondOpinion> opinions) throws ModelLoadException {
        try {
            return new ReviewScorer(ReviewModelFiles.read(modelDirectory), opinions);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }

    /** Reviews of real fine-food texts with abuse the generator planted ({@link FakeReviews}), 60 days. */
    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(FakeReviews.generate(DemoTexts.load(), FakeReviews.Settings.demo(), 7).dataset());
    }
}
