package io.merx.corenlp;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Analyses English text with the shared CoreNLP pipeline. Thread-safe; every call is bounded in time, so a
 * pathological message costs at most {@link #timeoutMillis()} and yields a partial analysis instead of a hang.
 */
@ProviderType
public interface TextAnalyzer {

    /** Longest text analysed; longer input is cut at this many characters and the analysis says so. */
    int MAX_CHARS = 5_000;

    /**
     * Analyses one text.
     *
     * @throws IllegalArgumentException when {@code text} is null
     */
    TextAnalysis analyze(String text);

    /** The annotators and model files of the pipeline, for {@code model:info} and the logs. */
    List<String> description();

    /** Time budget of one {@link #analyze} call. */
    long timeoutMillis();
}
