package io.merx.nlp.internal;

/**
 * Everything a trained customer-service model consists of: the intent model with its out-of-scope rule, the
 * knowledge base with its FAQ questions embedded (when trained with the encoder), the routing policy, the shop's
 * order-number pattern and, when the training rows carried it, a sentiment head.
 *
 * @param intents calibrated intent classifier and out-of-scope rule
 * @param knowledgeBase answers per intent, and FAQ entries
 * @param faqs the FAQ questions' embeddings, or null when the model has no encoder or the knowledge base no FAQ
 * @param routing escalation policy
 * @param patterns order/tracking/e-mail matchers
 * @param sentiment sentiment learned from the training rows' sentiment column, or null: CoreNLP's then
 */
record Assistant(IntentModel intents, KnowledgeBase knowledgeBase, FaqIndex faqs, Routing routing,
        PatternEntities patterns, SentimentHead sentiment) {
}
