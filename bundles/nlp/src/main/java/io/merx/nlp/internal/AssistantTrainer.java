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
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.sdk.kind.BaseTrainer;

/** Checks the labelled messages, trains the intent network and assembles the {@link Assistant}. */
final class AssistantTrainer extends BaseTrainer {

    AssistantTrainer(ModelKind kind, HyperParameters hp) {
        super(kind, hp);
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
        PatternEntities patterns = new PatternEntities(hp.getString("orderIdPattern"));
        KnowledgeBase kb = knowledgeBase(data, intents);

        double threshold = hp.getDouble("outOfScopeThreshold");
        IntentTrainer.Settings settings = new IntentTrainer.Settings(hp.getInt("hashBits"), hp.getInt("hidden"),
                hp.getInt("epochs"), hp.getInt("batchSize"), hp.getDouble("learningRate"), hp.getDouble("l2"),
                hp.getDouble("dropout"), hp.getDouble("holdout"), hp.getLong("seed"), threshold);
        IntentTrainer.Result result = IntentTrainer.train(texts, intents, settings, context);

        Routing routing = new Routing(AssistantFiles.split(hp.getString("urgentIntents")),
                AssistantFiles.split(hp.getString("humanIntents")), hp.getDouble("negativeThreshold"));
        Assistant assistant = new Assistant(result.network(), kb, routing, threshold, patterns);
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        metrics.put("answeredIntents", (double) result.network().labels().stream()
                .filter(kb.answers()::containsKey).count());

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
        Map<String, String> answers = new LinkedHashMap<>(
                path.isBlank() ? KnowledgeBase.demo().answers() : KnowledgeBase.read(Path.of(path), "knowledgeBase").answers());
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
        return new KnowledgeBase(answers);
    }
}
