package io.merx.risk.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Scores one review: the calibrated {@code probability} that it is abusive, {@code reasons} (the features that
 * raised it, with codes), and a {@code decision} allow / review / block with the sentences behind it. Behaviour and
 * copies are looked up in the model's review history as of the request's {@code time}; the history is frozen at
 * training, so a caller that knows of newer reviews by the reviewer passes their count as {@code recentReviews}.
 * When a {@link SecondOpinion} (CoreNLP) is installed and reads the text against the stars, an "allow" becomes
 * "review": an independent signal may send a review to a person, never block it on its own.
 */
final class ReviewScorer implements Scorer {

    static final int MAX_TEXT = 20_000;
    static final double OPINION_AGAINST_STARS = 0.25;

    static final InputSchema SCHEMA = new InputSchema(List.of(
            FieldSpec.required("text", FieldType.STRING, "the review text").withMaxSize(MAX_TEXT),
            FieldSpec.required("rating", FieldType.INTEGER, "stars, 1 to 5").withRange(1, 5),
            FieldSpec.optional("reviewer", FieldType.STRING, "account id of the author"),
            FieldSpec.optional("product", FieldType.STRING, "id of the product reviewed"),
            FieldSpec.optional("time", FieldType.STRING, "when it was posted, ISO-8601 (2024-03-01T10:15:00Z); "
                    + "default: just after the training data's last review"),
            FieldSpec.optional("accountCreated", FieldType.STRING, "when the author's account was created, "
                    + "ISO-8601; default: as the history knows it"),
            FieldSpec.optional("recentReviews", FieldType.INTEGER, "reviews by this reviewer in the 24 h before "
                    + "that the model's history does not hold").withRange(0, 1_000_000),
            FieldSpec.optional("reasons", FieldType.INTEGER, "reason codes to return, default 3").withRange(0, 9),
            FieldSpec.optional("secondOpinion", FieldType.BOOLEAN, "ask CoreNLP's sentiment when installed "
                    + "(a tenth of a second per review), default true")), false);

    private final ReviewModel model;
    private final Supplier<SecondOpinion> opinions;
    private volatile boolean closed;

    ReviewScorer(ReviewModel model, Supplier<SecondOpinion> opinions) {
        this.model = model;
        this.opinions = opinions;
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        SCHEMA.validate(request.inputs());
        String text = request.text("text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("field 'text' is empty: a review needs its text");
        }
        int rating = (int) request.integer("rating");
        long time = request.has("time") ? ReviewColumns.epochSeconds(request.text("time"), "field 'time'")
                : model.dataEnd + 1;
        long created = request.has("accountCreated")
                ? ReviewColumns.epochSeconds(request.text("accountCreated"), "field 'accountCreated'") : Review.UNKNOWN;
        if (created != Review.UNKNOWN && created > time) {
            throw new IllegalArgumentException("field 'accountCreated' is after the review's 'time'");
        }
        Review review = new Review(request.text("reviewer", ""), request.text("product", ""), time, created, rating,
                text);
        double[] raw = ReviewFeatures.raw(review, MinHash.signature(text), model.history, model.polarity,
                (int) request.integer("recentReviews", 0));
        double probability = model.probability(raw);
        String decision = model.decision(probability);
        List<Object> reasonOutputs = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (ReviewModel.Reason reason : model.reasons(raw, rating, (int) request.integer("reasons", 3))) {
            reasonOutputs.add(reason.asOutput());
            why.add(reason.text());
        }
        why.add(0, threshold(probability, decision));

        ScoreResult.Builder result = ScoreResult.builder();
        SecondOpinion opinion = request.flag("secondOpinion", true) ? opinions.get() : null;
        SecondOpinion.Reading reading = opinion == null ? null : opinion.read(text);
        if (reading != null) {
            result.put("secondOpinion", Map.of("label", reading.label(), "score", reading.score(),
                    "source", reading.source()));
            boolean against = (rating >= 4 && reading.score() <= -OPINION_AGAINST_STARS)
                    || (rating <= 2 && reading.score() >= OPINION_AGAINST_STARS);
            if (against && "allow".equals(decision)) {
                decision = "review";
                why.add(String.format(Locale.ROOT, "%s reads the text as %s (%.2f) against %d stars",
                        reading.source(), reading.label(), reading.score(), rating));
            }
        } else {
            result.put("secondOpinion", opinion == null ? "not used" : "unreadable");
        }
        Map<String, Object> features = new LinkedHashMap<>();
        for (int j = 0; j < raw.length; j++) {
            features.put(ReviewFeatures.NAMES.get(j), Double.isNaN(raw[j]) ? -1 : raw[j]);
        }
        return result.put("probability", probability)
                .put("decision", decision)
                .put("decisionReasons", why)
                .put("reasons", reasonOutputs)
                .put("features", features)
                .build();
    }

    private String threshold(double p, String decision) {
        return switch (decision) {
            case "block" -> String.format(Locale.ROOT, "abuse probability %.2f >= block threshold %.2f", p,
                    model.blockAt);
            case "review" -> String.format(Locale.ROOT, "abuse probability %.2f >= review threshold %.2f", p,
                    model.reviewAt);
            default -> String.format(Locale.ROOT, "abuse probability %.2f < review threshold %.2f", p,
                    model.reviewAt);
        };
    }

    @Override
    public void close() {
        closed = true; // heap data only: nothing to free, but a closed scorer answers no more
    }
}
