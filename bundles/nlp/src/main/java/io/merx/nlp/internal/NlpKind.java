package io.merx.nlp.internal;

import java.util.Optional;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.corenlp.TextAnalyzer;
import io.merx.encoder.SentenceEncoder;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code nlp.customer-service} kind. It starts once the shared CoreNLP pipeline (sentiment and entities at
 * scoring time) is ready; training and scoring run in plain Java.
 *
 * <p>The sentence encoder is optional: with the {@code merx-encoder} feature installed, new models are trained on
 * its embeddings next to the n-grams, and the reference is greedy, so the kind restarts with it when it arrives
 * (models then reload). Its type appears only as a service name here and in {@link EncoderEmbedder}, which is
 * loaded only when there is an encoder: without it this class loads and the kind trains on n-grams alone.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + NlpKind.NAME)
public final class NlpKind extends BaseKind {

    public static final String NAME = "nlp.customer-service";

    /** Declarative Services injects the shared CoreNLP pipeline and, when installed, the sentence encoder. */
    @Activate
    public NlpKind(ComponentContext context, @Reference TextAnalyzer analyzer,
            @Reference(name = "encoder", service = SentenceEncoder.class, cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) ServiceReference<?> encoder) {
        this(analyzer, encoder == null ? null : EncoderEmbedder.of(context.locateService("encoder", encoder)));
    }

    /** Tests and benchmarks pass the pipeline and an embedder (or null for n-grams only). */
    public NlpKind(TextAnalyzer analyzer, Object encoder) {
        this(analyzer, EncoderEmbedder.of(encoder));
    }

    private NlpKind(TextAnalyzer analyzer, Embedder embedder) {
        super(NAME, "Customer-service assistant: intents (n-grams"
                + (embedder == null ? "" : " and " + embedder.model() + " embeddings")
                + ", calibrated, out-of-scope detection), sentiment and entities (CoreNLP) on demand, answers, routing",
                AssistantTrainer.PARAMETERS, (kind, hp) -> new AssistantTrainer(kind, hp, embedder),
                dir -> AssistantScorer.load(AssistantFiles.read(dir), analyzer, embedder));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoData.generate(60, 7));
    }
}
