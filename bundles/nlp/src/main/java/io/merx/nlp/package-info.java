/**
 * The customer-service NLP kind {@code nlp.customer-service}: for one customer message it returns the intent with
 * calibrated confidence (or "out of scope"), the five-class sentiment, entities (order and tracking numbers,
 * e-mails, dates, amounts), an answer from the knowledge base with its slots filled, and a routing decision
 * ({@code bot}, {@code human} or {@code urgent}) with its reasons.
 *
 * <p>The implementation lives in {@code io.merx.nlp.internal}; this package exports nothing but its name.
 */
package io.merx.nlp;
