package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.corenlp.Entity;
import io.merx.corenlp.Sentiment;
import io.merx.corenlp.TextAnalysis;
import io.merx.corenlp.TextAnalyzer;

/**
 * Answers one customer message: intent with calibrated confidence and the top three, sentiment, entities, a filled
 * answer, FAQ suggestions matched by meaning (with the encoder) and a routing decision. Everything it holds is immutable, so request threads share it without locks;
 * the CoreNLP pipeline is the kind's shared one, and bounds its own time per message.
 */
final class AssistantScorer implements Scorer {

    /** Longest message accepted at all; texts over {@link TextAnalyzer#MAX_CHARS} are cut, and the response says so. */
    static final int MAX_REQUEST_CHARS = 100_000;
    static final int MAX_HISTORY = 50;
    static final String OUT_OF_SCOPE = "out_of_scope";

    static final InputSchema SCHEMA = InputSchema.of(
            new FieldSpec("text", FieldType.STRING, true,
                    "the customer's message; over " + TextAnalyzer.MAX_CHARS + " characters it is cut", 0, 0,
                    -MAX_REQUEST_CHARS),
            new FieldSpec("history", FieldType.STRING_LIST, false,
                    "the customer's previous messages, oldest first", 0, 0, -MAX_HISTORY),
            new FieldSpec("sentiment", FieldType.BOOLEAN, false,
                    "true answers the message's sentiment: from the model's sentiment head when it was trained with "
                            + "a sentiment column (microseconds), else from CoreNLP's analysis, which also adds "
                            + "dates, amounts and names to the entities (tens of milliseconds); sentiment is also "
                            + "computed when the intent is one whose routing depends on it (urgentIntents)", 0, 0, 0),
            new FieldSpec("entities", FieldType.BOOLEAN, false,
                    "true runs CoreNLP's analysis for dates, amounts and names among the entities (tens of "
                            + "milliseconds); order numbers, tracking numbers and e-mails are always found", 0, 0, 0));

    private final Assistant assistant;
    private final TextAnalyzer analyzer;
    private final Embedder embedder;
    private volatile boolean closed;

    private AssistantScorer(Assistant assistant, TextAnalyzer analyzer, Embedder embedder) {
        this.assistant = assistant;
        this.analyzer = analyzer;
        this.embedder = embedder;
    }

    /**
     * A scorer for a saved model; one trained on sentence embeddings needs the same encoder installed.
     *
     * @param embedder the installed sentence encoder, or null
     */
    static AssistantScorer load(Assistant assistant, TextAnalyzer analyzer, Embedder embedder)
            throws ModelLoadException {
        IntentModel intents = assistant.intents();
        if (intents.usesEmbeddings()) {
            if (embedder == null) {
                throw new ModelLoadException("this model was trained on sentence embeddings of "
                        + intents.embeddingModel() + ": install the merx-encoder feature to serve it");
            }
            if (!embedder.model().equals(intents.embeddingModel())) {
                throw new ModelLoadException("this model was trained on embeddings of " + intents.embeddingModel()
                        + " but the installed encoder is " + embedder.model() + ": retrain it, or set "
                        + "merx.encoder.model=" + intents.embeddingModel() + " in etc/config.properties and restart");
            }
        }
        return new AssistantScorer(assistant, analyzer, intents.usesEmbeddings() ? embedder : null);
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        return scoreBatch(List.of(request)).get(0);
    }

    /** Checks every request, runs all their messages (and recent history) through the encoder in one pass. */
    @Override
    public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        List<Message> messages = new ArrayList<>(requests.size());
        List<String> texts = new ArrayList<>();
        for (ScoreRequest request : requests) {
            Message m = Message.of(request);
            messages.add(m);
            texts.add(m.text());
            texts.addAll(m.recentHistory());
        }
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        List<IntentModel.Prediction> predictions;
        try {
            predictions = assistant.intents().predict(texts, embedder);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new ScoringException("the sentence encoder failed: " + e.getMessage(), e);
        }
        List<ScoreResult> results = new ArrayList<>(messages.size());
        int next = 0;
        for (Message m : messages) {
            IntentModel.Prediction current = predictions.get(next++);
            List<IntentModel.Prediction> history = predictions.subList(next, next + m.recentHistory().size());
            next += m.recentHistory().size();
            results.add(answer(m, current, history));
        }
        return results;
    }

    /** One request's fields, checked, with its text cut to what the pipeline analyses. */
    private record Message(String text, List<String> history, List<String> recentHistory, boolean sentiment,
            boolean entities, List<String> warnings) {

        static Message of(ScoreRequest request) {
            String raw = request.text("text");
            if (raw.isBlank()) {
                throw new IllegalArgumentException("field 'text' is empty or only whitespace");
            }
            if (raw.length() > MAX_REQUEST_CHARS) {
                throw new IllegalArgumentException("field 'text' is too long: " + raw.length() + " > "
                        + MAX_REQUEST_CHARS);
            }
            List<String> history = request.texts("history");
            if (history.size() > MAX_HISTORY) {
                throw new IllegalArgumentException("field 'history' has " + history.size() + " messages, at most "
                        + MAX_HISTORY + " are accepted");
            }
            List<String> warnings = new ArrayList<>();
            String text = raw;
            if (text.length() > TextAnalyzer.MAX_CHARS) {
                text = text.substring(0, TextAnalyzer.MAX_CHARS);
                warnings.add("text cut to its first " + TextAnalyzer.MAX_CHARS + " of " + raw.length()
                        + " characters");
            }
            // The last 10 earlier messages, newest first, count towards "asked N times"; blank ones say nothing.
            List<String> recent = new ArrayList<>();
            for (int i = history.size() - 1; i >= Math.max(0, history.size() - 10); i--) {
                String previous = history.get(i);
                if (!previous.isBlank()) {
                    recent.add(previous.length() > TextAnalyzer.MAX_CHARS
                            ? previous.substring(0, TextAnalyzer.MAX_CHARS) : previous);
                }
            }
            return new Message(text, history, recent, request.flag("sentiment", false),
                    request.flag("entities", false), warnings);
        }
    }

    private ScoreResult answer(Message m, IntentModel.Prediction prediction, List<IntentModel.Prediction> history)
            throws ScoringException {
        String text = m.text();
        List<String> warnings = new ArrayList<>(m.warnings());
        IntentModel intents = assistant.intents();
        String problem = TextQuality.problem(text);
        double[] p = prediction.probabilities();
        int[] top = Calibration.topIndices(p, 3);
        double confidence = problem == null ? p[top[0]] : 0.0;
        boolean inScope = problem == null && prediction.inScope();
        String intent = inScope ? intents.labels().get(top[0]) : OUT_OF_SCOPE;
        String scopeProblem = problem != null ? problem : intents.scope().reason(prediction.scopeValue());

        // CoreNLP's parse is most of a request's cost: run it when asked, or when the sentiment is wanted (by the
        // request or by the routing of an urgent intent) and the model has no sentiment head of its own.
        SentimentHead head = assistant.sentiment();
        boolean wantsSentiment = problem == null
                && (m.sentiment() || inScope && assistant.routing().urgentIntents().contains(intent));
        boolean analyse = problem == null && (m.entities() || wantsSentiment && head == null);
        TextAnalysis analysis;
        if (analyse) {
            try {
                analysis = analyzer.analyze(text);
            } catch (IllegalStateException e) {
                throw new ScoringException("the CoreNLP pipeline is not available: " + e.getMessage(), e);
            }
            warnings.addAll(analysis.notes().stream().filter(n -> !n.startsWith("text cut")).toList());
        } else {
            analysis = new TextAnalysis(0, 0, Sentiment.UNKNOWN, List.of(), false, List.of());
            if (problem != null) {
                warnings.add(problem + "; language analysis skipped");
            }
        }

        List<Entity> entities = new ArrayList<>(assistant.patterns().find(text));
        for (Entity e : analysis.entities()) {
            if (!PatternEntities.overlaps(entities, e.begin(), e.end())) {
                entities.add(e);
            }
        }
        entities.sort((a, b) -> Integer.compare(a.begin(), b.begin()));

        Map<String, String> slots = slots(entities);
        int repeats = 0;
        for (int i = 0; i < m.recentHistory().size(); i++) {
            // Earlier messages often carry the order number the current one refers to ("and where is it now?").
            slots(assistant.patterns().find(m.recentHistory().get(i))).forEach(slots::putIfAbsent);
            IntentModel.Prediction q = history.get(i);
            if (inScope && q.inScope() && Calibration.argMax(q.probabilities()) == top[0]) {
                repeats++;
            }
        }

        boolean fromHead = wantsSentiment && head != null;
        Sentiment sentiment = fromHead ? head.sentiment(prediction.input()) : analysis.sentiment();
        KnowledgeBase.Answer answer = inScope ? assistant.knowledgeBase().answer(intent, slots) : null;
        Routing.Decision decision = assistant.routing().decide(new Routing.Facts(text, intent, confidence, inScope,
                scopeProblem, sentiment, answer != null, repeats, m.history().size(),
                analysis.complete()));

        ScoreResult.Builder result = ScoreResult.builder()
                .put("intent", intent)
                .put("confidence", confidence)
                .put("inScope", inScope)
                .put("topIntents", topIntents(intents, p, top, problem == null))
                .put("scope", scope(intents.scope(), prediction.scopeValue(), problem == null));
        // A model with a sentiment head answers sentiment only when it is wanted, not whenever CoreNLP ran.
        if (wantsSentiment || analyse && head == null) {
            result.put("sentiment", sentiment(sentiment, fromHead ? "model" : "corenlp"));
        }
        result.put("entities", entities.stream().map(AssistantScorer::entity).toList());
        if (answer != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("text", answer.text());
            a.put("template", answer.template());
            a.put("missingSlots", answer.missingSlots());
            result.put("answer", a);
        }
        // FAQ suggestions come beside the intent's answer, never instead of it; junk text gets none.
        if (assistant.faqs() != null && problem == null && prediction.embedding() != null) {
            result.put("suggestions", assistant.faqs().nearest(prediction.embedding()).stream()
                    .map(match -> suggestion(match, slots)).toList());
        }
        return result.put("routing", decision.route()).put("reasons", decision.reasons()).put("warnings", warnings)
                .build();
    }

    private static Map<String, Object> suggestion(FaqIndex.Match match, Map<String, String> slots) {
        KnowledgeBase.Answer filled = KnowledgeBase.fill(match.faq().answer(), slots);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("answer", filled.text());
        s.put("question", match.faq().question());
        s.put("similarity", match.similarity());
        s.put("missingSlots", filled.missingSlots());
        return s;
    }

    private static Map<String, String> slots(List<Entity> entities) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (Entity e : entities) {
            switch (e.type()) {
                case PatternEntities.ORDER_ID -> slots.putIfAbsent("orderId", e.value());
                case PatternEntities.TRACKING_NUMBER -> slots.putIfAbsent("trackingNumber", e.value());
                case PatternEntities.EMAIL -> slots.putIfAbsent("email", e.value());
                case "DATE" -> slots.putIfAbsent("date", e.text());
                case "MONEY" -> slots.putIfAbsent("amount", e.text());
                default -> {
                    // other entity types fill no slot of the built-in answers
                }
            }
        }
        return slots;
    }

    private static Map<String, Object> scope(ScopeRule rule, double value, boolean valid) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("measure", rule.measure());
        if (valid) {
            scope.put("value", value);
        }
        scope.put("threshold", rule.threshold());
        return scope;
    }

    private static List<Map<String, Object>> topIntents(IntentModel network, double[] p, int[] top, boolean valid) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int index : top) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("intent", network.labels().get(index));
            entry.put("confidence", valid ? p[index] : 0.0);
            list.add(entry);
        }
        return list;
    }

    /** @param source where it came from: the model's sentiment head or CoreNLP */
    private static Map<String, Object> sentiment(Sentiment sentiment, String source) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("label", sentiment.label());
        s.put("source", source);
        if (sentiment.isKnown()) {
            s.put("score", sentiment.score());
            Map<String, Object> distribution = new LinkedHashMap<>();
            double[] d = sentiment.distribution();
            for (int i = 0; i < d.length; i++) {
                distribution.put(Sentiment.LABELS.get(i), d[i]);
            }
            s.put("distribution", distribution);
        }
        return s;
    }

    private static Map<String, Object> entity(Entity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type());
        m.put("text", e.text());
        m.put("value", e.value());
        m.put("begin", e.begin());
        m.put("end", e.end());
        return m;
    }

    @Override
    public void close() {
        closed = true;
    }
}
