package io.merx.nlp.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Checks the labelled messages, trains the intent model (on the encoder's embeddings too when one is installed and
 * {@code embeddings} allows it), a sentiment head when {@code sentimentColumn} names one, and assembles the
 * {@link Assistant}.
 */
final class AssistantTrainer extends BaseTrainer {

    static final String AUTO = "auto";

    /** Chosen on the demo FAQ (docs/nlp.md): paraphrases score above it, unrelated and merely related questions below. */
    static final double FAQ_SIMILARITY = 0.5;

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.text("textColumn", "text", "column holding the customer message"),
            ParameterSpec.text("intentColumn", "intent", "column holding the intent label"),
            ParameterSpec.text("sentimentColumn", "", "optional column holding the message's sentiment (very negative, negative, neutral, positive, very positive, or stars 1-5; blank cells are unlabelled): the model then learns sentiment from these rows and answers it without CoreNLP"),
            ParameterSpec.text("answerColumn", "", "optional column holding an answer template for the row's intent; overrides the knowledge base"),
            ParameterSpec.text("knowledgeBase", "", "path of a UTF-8 file of 'intent<TAB>answer template' and 'faq<TAB>question<TAB>answer template' lines; empty: the built-in demo answers and FAQ"),
            ParameterSpec.integer("hashBits", 15, 10, 22, "the hashed n-gram feature space has 2^hashBits dimensions"),
            ParameterSpec.choice("embeddings", AUTO, List.of(AUTO, "off", "required"), "sentence embeddings from the merx-encoder feature next to the n-grams: 'auto' uses them when the encoder is installed, 'required' fails without it, 'off' trains on n-grams alone"),
            ParameterSpec.real("embeddingWeight", 0, 0, 100, "scale of the embedding (length 1) in the embedding head's input, which sets how fast that head learns; 0 chooses 2, 4 or 8 on the held-out tuning rows"),
            ParameterSpec.integer("epochs", 15, 1, 1000, "most passes over the training rows; the pass with the best held-out accuracy is kept, and choosing stops after 4 passes without a better one"),
            ParameterSpec.real("learningRate", 0.1, 1e-6, 10, "AdaGrad step size"),
            ParameterSpec.real("l2", 0, 0, 1, "L2 penalty on the weights"),
            ParameterSpec.real("holdout", 0.2, 0.02, 0.5, "fraction of rows held out: half chooses epochs, temperature and out-of-scope threshold, half measures the model"),
            ParameterSpec.bool("refit", true, "after choosing on the held-out rows, train the final model on all rows"),
            ParameterSpec.choice("outOfScopeMeasure", AUTO, List.of(AUTO, ScopeRule.COMBINED, ScopeRule.DISTANCE, ScopeRule.CONFIDENCE), "what decides that a message is out of scope: 'combined' (confidence and similarity to the nearest training message, needs embeddings), 'distance' (Mahalanobis distance to the nearest intent, needs embeddings), 'confidence'; 'auto' is combined with embeddings, confidence without"),
            ParameterSpec.real("falseOutOfScopeRate", 0.05, 0, 0.5, "measures 'combined' and 'distance': share of held-out in-scope messages they may call out of scope; their threshold is chosen for it"),
            ParameterSpec.real("faqSimilarity", FAQ_SIMILARITY, -1, 1, "models with embeddings: cosine similarity between a message and an FAQ question of the knowledge base from which the FAQ's answer is suggested"),
            ParameterSpec.real("outOfScopeThreshold", 0.5, 0, 1, "measure 'confidence': calibrated confidence below which a message is out of scope"),
            ParameterSpec.text("urgentIntents", "complaint,damaged_item,payment_failed", "intents routed 'urgent' when the customer is unhappy (comma-separated)"),
            ParameterSpec.text("humanIntents", "speak_to_agent", "intents always routed to a person (comma-separated)"),
            ParameterSpec.real("negativeThreshold", 0.6, 0, 1, "probability of (very) negative sentiment from which the customer counts as unhappy"),
            ParameterSpec.text("orderIdPattern", PatternEntities.DEFAULT_ORDER_PATTERN, "regular expression of the shop's order numbers; the first non-empty group is the value"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the split, initial weights and shuffling"));

    private final Embedder embedder;
    private final String scopeMeasure;

    /**
     * @param embedder the sentence encoder if one is installed, else null
     */
    AssistantTrainer(ModelKind kind, HyperParameters hp, Embedder embedder) {
        super(kind, hp);
        String mode = hp.getString("embeddings");
        if ("required".equals(mode) && embedder == null) {
            throw new IllegalArgumentException("hyper-parameter 'embeddings' is 'required' but no sentence encoder is "
                    + "installed (feature merx-encoder)");
        }
        this.embedder = "off".equals(mode) ? null : embedder;
        String measure = hp.getString("outOfScopeMeasure");
        if (AUTO.equals(measure)) {
            measure = this.embedder == null ? ScopeRule.CONFIDENCE : ScopeRule.COMBINED;
        } else if (!ScopeRule.CONFIDENCE.equals(measure) && this.embedder == null) {
            throw new IllegalArgumentException("hyper-parameter 'outOfScopeMeasure' is '" + measure + "', which needs "
                    + "sentence embeddings: install the merx-encoder feature and leave 'embeddings' on, or use "
                    + "'confidence'");
        }
        this.scopeMeasure = measure;
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        String textColumn = hp.getString("textColumn");
        String intentColumn = hp.getString("intentColumn");
        String[] texts = data.strings(textColumn);
        String[] intents = data.strings(intentColumn);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null || texts[i].isBlank()) {
                throw new IllegalArgumentException("column '" + textColumn + "' row " + (i + 1) + " is empty");
            }
            if (intents[i] == null || intents[i].isBlank()) {
                throw new IllegalArgumentException("column '" + intentColumn + "' row " + (i + 1) + " is empty");
            }
            intents[i] = intents[i].trim();
        }
        if (texts.length < 10 || new HashSet<>(List.of(intents)).size() < 2) {
            throw new IllegalArgumentException("column '" + intentColumn + "' needs at least 2 intents over 10 rows, got "
                    + new HashSet<>(List.of(intents)).size() + " over " + texts.length);
        }
        String sentimentColumn = hp.getString("sentimentColumn");
        SentimentTrainer.Labels sentiments = sentimentColumn.isBlank() ? null
                : SentimentTrainer.labels(data.strings(sentimentColumn), sentimentColumn);
        PatternEntities patterns = new PatternEntities(hp.getString("orderIdPattern"));
        KnowledgeBase kb = knowledgeBase(data, intents);

        IntentTrainer.Settings settings = new IntentTrainer.Settings(hp.getInt("hashBits"), hp.getInt("epochs"),
                hp.getDouble("learningRate"), hp.getDouble("l2"), hp.getDouble("holdout"), hp.getLong("seed"),
                hp.getDouble("falseOutOfScopeRate"), hp.getDouble("outOfScopeThreshold"),
                (float) hp.getDouble("embeddingWeight"), hp.getBoolean("refit"), scopeMeasure);
        IntentTrainer.Result result = IntentTrainer.train(texts, intents, settings, embedder, context);

        Routing routing = new Routing(AssistantFiles.split(hp.getString("urgentIntents")),
                AssistantFiles.split(hp.getString("humanIntents")), hp.getDouble("negativeThreshold"));
        // Only a model that embeds its messages can match them to FAQ questions; the same encoder embeds both.
        FaqIndex faqs = embedder == null || kb.faqs().isEmpty() ? null
                : FaqIndex.build(kb.faqs(), embedder, hp.getDouble("faqSimilarity"));
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        SentimentHead sentiment = null;
        if (sentiments != null) {
            SentimentTrainer.Result learned = SentimentTrainer.train(sentiments, result.inputs(),
                    result.model().inputDimension(), settings, context);
            sentiment = learned.head();
            metrics.putAll(learned.metrics());
        }
        Assistant assistant = new Assistant(result.model(), kb, faqs, routing, patterns, sentiment);
        metrics.put("answeredIntents", (double) result.model().labels().stream()
                .filter(kb.answers()::containsKey).count());
        metrics.put("faqQuestions", faqs == null ? 0.0 : faqs.faqs().size());

        List<ScoreRequest> warmup = new ArrayList<>();
        for (int i = 0; i < Math.min(3, result.evaluationRows().length); i++) {
            warmup.add(ScoreRequest.of(Map.of("text", texts[result.evaluationRows()[i]])));
        }
        // Nothing native to free: the weights are Java arrays.
        return TrainedModel.of(provenance(data, metrics), AssistantScorer.SCHEMA, warmup,
                directory -> AssistantFiles.write(assistant, directory));
    }

    private KnowledgeBase knowledgeBase(Dataset data, String[] intents) {
        String path = hp.getString("knowledgeBase");
        KnowledgeBase base = path.isBlank() ? KnowledgeBase.demo() : KnowledgeBase.read(Path.of(path), "knowledgeBase");
        Map<String, String> answers = new LinkedHashMap<>(base.answers());
        String answerColumn = hp.getString("answerColumn");
        if (!answerColumn.isBlank()) {
            String[] column = data.strings(answerColumn);
            Map<String, String> fromData = new LinkedHashMap<>();
            for (int i = 0; i < column.length; i++) {
                if (column[i] != null && !column[i].isBlank()) {
                    fromData.putIfAbsent(intents[i], column[i].trim());
                }
            }
            answers.putAll(fromData);
        }
        return new KnowledgeBase(answers, base.faqs());
    }
}
