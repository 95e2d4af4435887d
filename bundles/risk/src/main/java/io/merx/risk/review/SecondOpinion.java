package io.merx.risk.review;

/**
 * An independent reading of a review's sentiment, registered as a service by {@link CoreNlpOpinion} while the
 * shared CoreNLP pipeline is there. Internal: only risk.review consumes it.
 */
public interface SecondOpinion {

    /** Sentiment score in [-1, 1] and its label, or null when the analyser could not read the text. */
    Reading read(String text);

    /** A sentiment reading. */
    record Reading(String label, double score, String source) {
    }
}
