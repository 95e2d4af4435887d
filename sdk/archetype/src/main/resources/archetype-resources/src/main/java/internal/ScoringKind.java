package ${package}.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
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

/**
 * The {@code ${kindName}} model kind: purchase propensity by logistic regression on numeric columns, with ND4J.
 * Registered as an OSGi service; the Merx runtime finds it, trains it and serves its models.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + ScoringKind.NAME)
public final class ScoringKind implements ModelKind {

    public static final String NAME = "${kindName}";

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("label", "bought", "0/1 column to predict; every other numeric column is a feature"),
            ParameterSpec.integer("epochs", 200, 1, 100_000, "gradient steps"),
            ParameterSpec.real("learningRate", 0.5, 1e-6, 10, "gradient step size"),
            ParameterSpec.real("l2", 1e-3, 0, 100, "L2 penalty on the weights"));

    private final String version;

    /**
     * Declarative Services constructor. The ComputeBackend reference makes this kind wait until Merx has
     * initialised ND4J: never touch ND4J before that.
     */
    @Activate
    public ScoringKind(BundleContext context, @Reference ComputeBackend compute) {
        Version v = context.getBundle().getVersion();
        this.version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    /** For tests, outside OSGi. */
    public ScoringKind(String version) {
        this.version = version;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String description() {
        return "Purchase propensity (logistic regression on ND4J)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new ScoringTrainer(this, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new ScoringScorer(ScoringModel.read(modelDirectory));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.visits(1_000, 1));
    }
}
