package io.merx.nlp.internal;

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
import io.merx.corenlp.TextAnalyzer;
import io.merx.sdk.kind.BaseKind;
import io.merx.sdk.kind.KindVersion;

/**
 * The {@code nlp.customer-service} kind. It starts once both ND4J (for training with DL4J; the compute reference
 * is only that gate) and the shared CoreNLP pipeline (for sentiment and entities at scoring time) are ready; all
 * its models share that one pipeline.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + NlpKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class NlpKind extends BaseKind {

    public static final String NAME = "nlp.customer-service";

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("textColumn", "text", "column holding the customer message"),
            ParameterSpec.text("intentColumn", "intent", "column holding the intent label"),
            ParameterSpec.text("answerColumn", "", "optional column holding an answer template for the row's intent; overrides the knowledge base"),
            ParameterSpec.text("knowledgeBase", "", "path of a UTF-8 file of 'intent<TAB>answer template' lines; empty: the built-in demo answers"),
            ParameterSpec.integer("hashBits", 15, 10, 22, "the hashed feature space has 2^hashBits dimensions"),
            ParameterSpec.integer("hidden", 256, 4, 4096, "hidden units of the perceptron"),
            ParameterSpec.integer("epochs", 12, 1, 1000, "passes over the training rows"),
            ParameterSpec.integer("batchSize", 32, 1, 4096, "rows per gradient step"),
            ParameterSpec.real("learningRate", 2e-3, 1e-6, 1, "Adam step size"),
            ParameterSpec.real("l2", 1e-5, 0, 1, "L2 penalty on the weights"),
            ParameterSpec.real("dropout", 0.3, 0, 0.9, "probability of dropping a hidden unit while training"),
            ParameterSpec.real("holdout", 0.2, 0, 0.5, "fraction of rows held out: half calibrates the confidence, half measures the model"),
            ParameterSpec.real("outOfScopeThreshold", 0.5, 0, 1, "calibrated confidence below which the answer is 'out of scope' and a person takes over"),
            ParameterSpec.text("urgentIntents", "complaint,damaged_item,payment_failed", "intents routed 'urgent' when the customer is unhappy (comma-separated)"),
            ParameterSpec.text("humanIntents", "speak_to_agent", "intents always routed to a person (comma-separated)"),
            ParameterSpec.real("negativeThreshold", 0.6, 0, 1, "probability of (very) negative sentiment from which the customer counts as unhappy"),
            ParameterSpec.text("orderIdPattern", PatternEntities.DEFAULT_ORDER_PATTERN, "regular expression of the shop's order numbers; the first non-empty group is the value"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the split, initial weights and shuffling"));

    private final TextAnalyzer analyzer;

    /** Declarative Services constructor: scoring uses the shared CoreNLP pipeline. */
    @Activate
    public NlpKind(BundleContext context, @Reference TextAnalyzer analyzer) {
        this(KindVersion.of(context), analyzer);
    }

    /** For use outside OSGi (unit tests, benchmarks). */
    public NlpKind(String version, TextAnalyzer analyzer) {
        super(NAME, version, "Customer-service assistant: intent (DL4J, calibrated), CoreNLP sentiment and "
                + "entities, answers, routing", PARAMETERS);
        this.analyzer = analyzer;
    }

    @Override
    public Trainer newTrainer(HyperParameters hyperParameters) {
        return new AssistantTrainer(this, hyperParameters);
    }

    @Override
    public Scorer load(Path modelDirectory) throws ModelLoadException {
        return new AssistantScorer(AssistantFiles.read(modelDirectory), analyzer);
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.generate(60, 7));
    }
}
