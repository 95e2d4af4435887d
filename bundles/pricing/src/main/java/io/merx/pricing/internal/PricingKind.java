package io.merx.pricing.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.Trainer;
import io.merx.compute.ComputeBackend;
import io.merx.sdk.kind.BaseKind;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code pricing.demand} kind: trains price elasticities from sales history and scores {@code elasticity},
 * {@code predict} and {@code optimize} requests. Its version follows the bundle version; it starts once ND4J
 * is initialised (the estimator uses it), which is all the compute reference is for.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + PricingKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class PricingKind extends BaseKind {

    public static final String NAME = "pricing.demand";

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("productColumn", "product", "column identifying the product"),
            ParameterSpec.text("periodColumn", "period", "column identifying the period (week, date); numbers sort "
                    + "numerically, text lexically"),
            ParameterSpec.text("priceColumn", "price", "unit price, above 0"),
            ParameterSpec.text("unitsColumn", "units", "units sold, 0 or more"),
            ParameterSpec.text("promoColumn", "promo", "promotion flag or share; used when the data has it"),
            ParameterSpec.text("displayColumn", "display", "display flag or share; used when the data has it"),
            ParameterSpec.text("categoryColumn", "category", "product category: substitutes and shrinkage target; "
                    + "without it all products form one category"),
            ParameterSpec.text("competitorPriceColumn", "competitor_price", "a competitor's price for the product; "
                    + "used when the data has it"),
            ParameterSpec.choice("shrinkage", "empirical-bayes", Shrinkage.CHOICES, "empirical-bayes: shrink toward "
                    + "the category by an estimated prior; ridge: by ridgeLambda; none: least squares per product"),
            ParameterSpec.real("ridgeLambda", 10, 0, 1e9, "penalty toward the category mean with shrinkage=ridge"),
            ParameterSpec.integer("maxCrossProducts", 8, 0, 50, "substitutes per product with a cross-price term "
                    + "(largest by volume in its category); 0 for none"),
            ParameterSpec.choice("zeroUnits", "drop", List.of("drop", "reject"), "rows with 0 units have no log: "
                    + "drop them (their prices still count for substitutes) or reject the data"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "share of the last periods held out to measure demand error"));

    /** Declarative Services constructor. */
    @Activate
    public PricingKind(BundleContext context) {
        this(KindVersion.of(context));
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public PricingKind(String version) {
        super(NAME, version,
                "Price elasticities (hierarchical log-log demand) and price optimisation under constraints (ND4J)",
                PARAMETERS);
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new PricingTrainer(this, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new PricingScorer(PricingFiles.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(MarketSimulator.demoData());
    }
}
