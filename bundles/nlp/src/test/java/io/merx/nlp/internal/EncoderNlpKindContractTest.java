package io.merx.nlp.internal;

import io.merx.api.ModelKind;

/** The same contract with the sentence encoder installed: embeddings join the n-grams, distance decides scope. */
class EncoderNlpKindContractTest extends NlpKindContractTest {

    @Override
    protected ModelKind kind() {
        return new NlpKind(SharedAnalyzer.get(), SharedEncoder.get());
    }
}
