package io.merx.search.internal;

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
import io.merx.encoder.SentenceEncoder;
import io.merx.sdk.kind.BaseKind;

/**
 * The {@code search.semantic} kind: product search over a catalogue's titles and descriptions, BM25 (Lucene)
 * always, fused with sentence-embedding similarity when the model was trained with embeddings.
 *
 * <p>The sentence encoder is optional, as in {@code nlp.customer-service}: with the {@code merx-encoder} feature
 * installed, new models embed the catalogue at training time, and the reference is greedy, so the kind restarts
 * with the encoder when it arrives (models then reload). Its type appears only as a service name here and in
 * {@link EncoderEmbedder}, which is loaded only when there is an encoder.
 */
@Component(service = ModelKind.class, property = ModelKind.PROPERTY_NAME + "=" + SearchKind.NAME)
public final class SearchKind extends BaseKind {

    public static final String NAME = "search.semantic";

    /** Declarative Services injects the sentence encoder when one is installed. */
    @Activate
    public SearchKind(ComponentContext context,
            @Reference(name = "encoder", service = SentenceEncoder.class, cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) ServiceReference<?> encoder) {
        this(encoder == null ? null : EncoderEmbedder.of(context.locateService("encoder", encoder)));
    }

    /** Tests and benchmarks pass the encoder (an {@code io.merx.encoder.SentenceEncoder}), or null for BM25 only. */
    public SearchKind(Object encoder) {
        this(EncoderEmbedder.of(encoder));
    }

    private SearchKind(Embedder embedder) {
        super(NAME, "Product search: BM25 (Lucene)" + (embedder == null ? "" : " fused with " + embedder.model()
                + " embeddings") + " over titles and descriptions, category and availability filters",
                SearchTrainer.PARAMETERS, (kind, hp) -> new SearchTrainer(kind, hp, embedder),
                dir -> SearchScorer.load(SearchFiles.read(dir), embedder));
    }

    @Override
    public Optional<Dataset> demoData() {
        return Optional.of(DemoCatalogue.generate(300, 7));
    }
}
