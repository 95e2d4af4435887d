/**
 * Product recommendations for Merx: the model kinds {@code recommendation.als} (implicit-feedback matrix
 * factorisation, Hu-Koren-Volinsky, trained with alternating least squares) and {@code recommendation.popularity}
 * (the most popular items, the baseline and the fallback for unknown users). Both answer top-K, similar-item and
 * pair-scoring requests with query-time filters; see {@code docs/recommendation.md}.
 */
package io.merx.recommendation;
