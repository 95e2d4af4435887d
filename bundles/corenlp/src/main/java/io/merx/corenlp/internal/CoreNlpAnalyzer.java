package io.merx.corenlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.merx.corenlp.Entity;
import io.merx.corenlp.Sentiment;
import io.merx.corenlp.TextAnalysis;
import io.merx.corenlp.TextAnalyzer;

/**
 * The shared CoreNLP pipeline and the worker threads that run it.
 *
 * <p>CoreNLP finds annotators by reflection and models through class-path lookups, partly via the thread context
 * class loader; inside OSGi the caller's loader cannot see them. So the pipeline is built and run only on threads
 * whose context loader is this bundle's. Running on own workers also bounds each call in time: the caller waits at
 * most the budget, and the worker is interrupted, which CoreNLP's parser honours.
 */
public final class CoreNlpAnalyzer implements TextAnalyzer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpAnalyzer.class);

    private final StanfordCoreNLP pipeline;
    private final ExecutorService workers;
    private final long timeoutMillis;
    private final List<String> description;
    private final long loadMillis;
    private final int maxSentenceTokens;

    /**
     * Loads the pipeline on the calling thread (tens of seconds).
     *
     * @param threads worker threads, at most this many texts are analysed at once
     * @param timeoutMillis time budget of one call
     * @param maxSentenceTokens longer sentences are not parsed and get no sentiment
     */
    public CoreNlpAnalyzer(int threads, long timeoutMillis, int maxSentenceTokens) {
        this(load(maxSentenceTokens), threads, timeoutMillis, maxSentenceTokens);
    }

    private CoreNlpAnalyzer(Loaded loaded, int threads, long timeoutMillis, int maxSentenceTokens) {
        this.pipeline = loaded.pipeline();
        this.loadMillis = loaded.millis();
        this.maxSentenceTokens = maxSentenceTokens;
        this.timeoutMillis = timeoutMillis;
        this.workers = Executors.newFixedThreadPool(threads, workerFactory(CoreNlpAnalyzer.class.getClassLoader()));
        List<String> lines = new ArrayList<>();
        lines.add("Stanford CoreNLP 4.5.10 (GPL v3+), annotators " + PipelineSettings.ANNOTATORS);
        lines.addAll(PipelineSettings.MODEL_FILES);
        lines.add("loaded in " + loadMillis + " ms; " + threads + " threads; " + timeoutMillis + " ms per text; "
                + "sentences over " + maxSentenceTokens + " tokens are not parsed");
        this.description = List.copyOf(lines);
    }

    private record Loaded(StanfordCoreNLP pipeline, long millis) {
    }

    private static Loaded load(int maxSentenceTokens) {
        ClassLoader bundleLoader = CoreNlpAnalyzer.class.getClassLoader();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        long start = System.nanoTime();
        try {
            current.setContextClassLoader(bundleLoader);
            StanfordCoreNLP pipeline = new StanfordCoreNLP(PipelineSettings.properties(maxSentenceTokens));
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("CoreNLP pipeline loaded in {} ms", millis);
            return new Loaded(pipeline, millis);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** Another analyzer on the same loaded pipeline with its own workers and time budget (the pipeline is shared). */
    public CoreNlpAnalyzer withBudget(int threads, long newTimeoutMillis) {
        return new CoreNlpAnalyzer(new Loaded(pipeline, loadMillis), threads, newTimeoutMillis, maxSentenceTokens);
    }

    private static ThreadFactory workerFactory(ClassLoader loader) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "merx-corenlp-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }

    /** Milliseconds the pipeline took to load. */
    public long loadMillis() {
        return loadMillis;
    }

    @Override
    public long timeoutMillis() {
        return timeoutMillis;
    }

    @Override
    public List<String> description() {
        return description;
    }

    @Override
    public TextAnalysis analyze(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        List<String> notes = new ArrayList<>();
        String clean = TextCleaner.clean(text, MAX_CHARS, notes);
        if (clean.isBlank()) {
            return new TextAnalysis(0, 0, Sentiment.UNKNOWN, List.of(), notes.isEmpty(), notes);
        }
        Future<TextAnalysis> future;
        try {
            future = workers.submit(() -> annotate(clean, notes));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the CoreNLP analyzer is closed", e);
        }
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            notes.add("language analysis stopped after " + timeoutMillis + " ms; no sentiment or entities");
            return new TextAnalysis(0, 0, Sentiment.UNKNOWN, List.of(), false, notes);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            notes.add("language analysis interrupted");
            return new TextAnalysis(0, 0, Sentiment.UNKNOWN, List.of(), false, notes);
        } catch (ExecutionException e) {
            // CoreNLP failing on odd input must not fail the request: the caller still classifies the text.
            LOG.warn("CoreNLP failed on a text of {} characters", clean.length(), e.getCause());
            notes.add("language analysis failed: " + e.getCause());
            return new TextAnalysis(0, 0, Sentiment.UNKNOWN, List.of(), false, notes);
        }
    }

    private TextAnalysis annotate(String text, List<String> notes) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        double[] sum = new double[Sentiment.LABELS.size()];
        double weight = 0;
        int tokens = 0;
        List<Entity> entities = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> words = sentence.get(CoreAnnotations.TokensAnnotation.class);
            tokens += words.size();
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            SimpleMatrix predictions = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
            if (predictions != null && predictions.getNumElements() == sum.length) {
                // Long sentences say more: weight each sentence's distribution by its length.
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += words.size() * predictions.get(k);
                }
                weight += words.size();
            }
            List<CoreMap> mentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
            if (mentions != null) {
                for (CoreMap mention : mentions) {
                    entities.add(entity(mention));
                }
            }
        }
        Sentiment sentiment = Sentiment.UNKNOWN;
        if (weight > 0) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= weight;
            }
            sentiment = new Sentiment(sum);
        } else {
            notes.add("no sentence short enough to parse; sentiment unknown");
        }
        return new TextAnalysis(sentences.size(), tokens, sentiment, entities, notes.isEmpty(), notes);
    }

    private static Entity entity(CoreMap mention) {
        String text = mention.get(CoreAnnotations.TextAnnotation.class);
        String normalized = mention.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        return new Entity(mention.get(CoreAnnotations.NamedEntityTagAnnotation.class), text,
                normalized == null || normalized.isEmpty() ? text : normalized,
                mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
    }

    /** Stops the workers; running analyses are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
