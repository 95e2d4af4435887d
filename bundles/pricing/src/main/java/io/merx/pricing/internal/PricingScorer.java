package io.merx.pricing.internal;

import java.util.List;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Scores {@code elasticity}, {@code predict} and {@code optimize} requests against a loaded {@link DemandModel}.
 * The model is a few coefficients per product and every request touches a handful of them, so scoring runs on
 * plain arrays: a JNI call into ND4J per product would cost more than the arithmetic. The scorer therefore holds
 * no native memory and takes no lock: the runtime closes a scorer only when the last request holding its version
 * has released it (merx-runtime's {@code LoadedVersion} reference count), and a call that raced with
 * {@code close()} elsewhere would only read immutable heap data. The flag refuses calls made after close.
 */
final class PricingScorer implements Scorer {

    static final InputSchema SCHEMA = new InputSchema(List.of(
            FieldSpec.required("type", FieldType.STRING, "elasticity, predict or optimize"),
            FieldSpec.optional("product", FieldType.STRING, "elasticity: the product"),
            FieldSpec.optional("products", FieldType.STRING_LIST, "optimize: products priced jointly"),
            FieldSpec.optional("category", FieldType.STRING, "optimize: price every product of this category"),
            FieldSpec.optional("prices", FieldType.OBJECT, "predict: price per product"),
            FieldSpec.optional("currentPrices", FieldType.OBJECT,
                    "current price per product (default: last observed); fixes products not being priced"),
            FieldSpec.optional("costs", FieldType.OBJECT, "optimize: unit cost per product ('*' for all)"),
            FieldSpec.optional("objective", FieldType.STRING, "optimize: profit (default) or revenue"),
            FieldSpec.optional("constraints", FieldType.OBJECT,
                    "optimize: minPrice, maxPrice, maxChange, endings, step, ladder, priceOrder, inventory, periods"),
            FieldSpec.optional("promo", FieldType.OBJECT, "promotion level per product (default 0)"),
            FieldSpec.optional("display", FieldType.OBJECT, "display level per product (default 0)"),
            FieldSpec.optional("competitorPrice", FieldType.OBJECT, "competitor price per product"),
            FieldSpec.optional("draws", FieldType.INTEGER, "optimize: simulation draws for intervals")
                    .withRange(100, 100_000),
            FieldSpec.optional("seed", FieldType.INTEGER, "optimize: seed of the simulation")), false)
            .withVariant("type", "elasticity", "product")
            .withVariant("type", "predict", "prices")
            // products or a category: which one is the optimizer's to say (OptimizeRequest)
            .withVariant("type", "optimize");

    private final DemandModel model;
    private volatile boolean closed;

    PricingScorer(DemandModel model) {
        this.model = model;
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        SCHEMA.validate(request.inputs());
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        String type = request.text("type");
        return switch (type) {
            case "elasticity" -> ElasticityResponse.answer(model, request);
            case "predict" -> PredictResponse.answer(model, request);
            case "optimize" -> OptimizeResponse.answer(model, request);
            default -> throw new IllegalStateException("the schema admitted type '" + type + "'");
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
