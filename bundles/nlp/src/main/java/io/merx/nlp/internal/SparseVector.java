package io.merx.nlp.internal;

/**
 * A sparse feature vector: sorted distinct indices and their values.
 *
 * @param indices feature indices, ascending
 * @param values one value per index
 */
record SparseVector(int[] indices, float[] values) {
}
