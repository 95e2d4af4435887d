package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.merx.corenlp.Sentiment;

/**
 * Decides who answers: the bot, a human, or a human urgently, and says why. Urgent: an unhappy customer
 * (strongly negative sentiment) with an urgent intent such as a complaint, or a legal/fraud threat. Human: the
 * classifier is unsure, the intent needs a person, the customer is very unhappy, keeps asking the same thing, or
 * the knowledge base has no answer. Otherwise the bot answers.
 *
 * @param urgentIntents intents that become urgent when the customer is unhappy
 * @param humanIntents intents a person handles
 * @param negativeThreshold probability of (very) negative sentiment from which a customer counts as unhappy
 */
record Routing(Set<String> urgentIntents, Set<String> humanIntents, double negativeThreshold) {

    static final String BOT = "bot";
    static final String HUMAN = "human";
    static final String URGENT = "urgent";

    private static final Pattern THREAT = Pattern.compile(
            "(?i)\\b(lawyer|attorney|sue|legal action|fraud|scam|chargeback|police|stolen)\\b");

    /** Everything the decision looks at. */
    record Facts(String text, String intent, double confidence, boolean inScope, String scopeProblem,
            Sentiment sentiment, boolean hasAnswer, int repeatsInHistory, int historyLength, boolean analysisComplete) {
    }

    /** The decision and its reasons. */
    record Decision(String route, List<String> reasons) {
    }

    Decision decide(Facts f) {
        List<String> urgent = new ArrayList<>();
        List<String> human = new ArrayList<>();
        double[] d = f.sentiment().distribution();
        double negative = f.sentiment().isKnown() ? d[0] + d[1] : 0;
        boolean unhappy = negative >= negativeThreshold;
        if (THREAT.matcher(f.text()).find()) {
            urgent.add("message mentions legal action or fraud");
        }
        if (f.inScope() && unhappy && urgentIntents.contains(f.intent())) {
            urgent.add(String.format(Locale.ROOT, "negative sentiment (%.2f) on '%s'", negative, f.intent()));
        }
        if (!f.inScope()) {
            human.add(f.scopeProblem());
        }
        if (f.inScope() && humanIntents.contains(f.intent())) {
            human.add("intent '" + f.intent() + "' is handled by a person");
        }
        if (unhappy && urgent.isEmpty() && f.sentiment().label().equals("very negative")) {
            human.add(String.format(Locale.ROOT, "very negative sentiment (%.2f)", negative));
        }
        if (f.repeatsInHistory() >= 2) {
            human.add("customer asked about '" + f.intent() + "' " + f.repeatsInHistory() + " times before");
        }
        if (f.inScope() && !f.hasAnswer()) {
            human.add("no answer for '" + f.intent() + "' in the knowledge base");
        }
        if (!urgent.isEmpty()) {
            urgent.addAll(human);
            return new Decision(URGENT, urgent);
        }
        if (!human.isEmpty()) {
            return new Decision(HUMAN, human);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "confident intent '%s' (%.2f)", f.intent(), f.confidence()));
        reasons.add(f.sentiment().isKnown() ? "sentiment " + f.sentiment().label() : "sentiment unknown");
        return new Decision(BOT, reasons);
    }
}
