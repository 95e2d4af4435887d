package io.merx.nlp.internal;

/**
 * Everything a trained customer-service model consists of: the intent network, the knowledge base, the routing
 * policy, the out-of-scope threshold and the shop's order-number pattern.
 *
 * @param network calibrated intent classifier
 * @param knowledgeBase answers per intent
 * @param routing escalation policy
 * @param threshold calibrated confidence below which the intent is "out of scope"
 * @param patterns order/tracking/e-mail matchers
 */
record Assistant(IntentNetwork network, KnowledgeBase knowledgeBase, Routing routing, double threshold,
        PatternEntities patterns) {
}
