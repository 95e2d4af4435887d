package io.merx.corenlp;

import java.util.List;

/**
 * What the pipeline found in one text.
 *
 * @param sentences number of sentences
 * @param tokens number of tokens
 * @param sentiment sentence sentiments combined, weighted by sentence length; {@link Sentiment#isKnown()} is false
 *        when the text had no parsable sentence or the time budget ran out
 * @param entities named entities in text order
 * @param complete false when the time budget ran out or the text was truncated; {@code notes} say which
 * @param notes human-readable remarks about truncation or time-outs, empty when none
 */
public record TextAnalysis(int sentences, int tokens, Sentiment sentiment, List<Entity> entities, boolean complete,
        List<String> notes) {

    public TextAnalysis {
        entities = List.copyOf(entities);
        notes = List.copyOf(notes);
    }
}
