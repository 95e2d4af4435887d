package io.merx.nlp.internal;

/** Maps a message's feature vector to one logit per intent; immutable, shared by request threads. */
interface IntentHead {

    /** Output-layer inputs (pre-softmax), one per intent. */
    double[] logits(SparseVector x);
}
