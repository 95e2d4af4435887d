package io.merx.nlp.internal;

/**
 * Everything a trained customer-service model consists of: the intent model with its out-of-scope rule, the
 * knowledge base, the routing policy and the shop's order-number pattern.
 *
 * @param intents calibrated intent classifier and out-of-scope rule
 * @param knowledgeBase answers per intent
 * @param routing escalation policy
 * @param patterns order/tracking/e-mail matchers
 */
record Assistant(IntentModel intents, KnowledgeBase knowledgeBase, Routing routing, PatternEntities patterns) {
}
