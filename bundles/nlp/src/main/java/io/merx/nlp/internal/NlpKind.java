package io.merx.nlp.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.compute.ComputeBackend;
import io.merx.corenlp.TextAnalyzer;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code nlp.customer-service} kind. It starts once both ND4J (for training with DL4J; the compute reference
 * is only that gate) and the shared CoreNLP pipeline (for sentiment and entities at scoring time) are ready; all
 * its models share that one pipeline.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + NlpKind.NAME,
        reference = @Reference(name = "compute", service = ComputeBackend.class))
public final class NlpKind extends BaseKind {

    public static final String NAME = "nlp.customer-service";

    /** Declarative Services injects the shared CoreNLP pipeline, which scoring uses; tests pass one. */
    @Activate
    public NlpKind(@Reference TextAnalyzer analyzer) {
        super(NAME, "Customer-service assistant: intent (DL4J, calibrated), CoreNLP sentiment and entities, "
                + "answers, routing", AssistantTrainer.PARAMETERS, AssistantTrainer::new,
                dir -> new AssistantScorer(AssistantFiles.read(dir), analyzer));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.generate(60, 7));
    }
}
