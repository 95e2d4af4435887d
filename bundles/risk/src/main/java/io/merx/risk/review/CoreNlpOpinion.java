package io.merx.risk.review;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.merx.corenlp.Sentiment;
import io.merx.corenlp.TextAnalyzer;

/**
 * CoreNLP's sentiment as a {@link SecondOpinion}. A component of its own so that risk.review's kind never loads a
 * CoreNLP type: without the merx-corenlp bundle this component stays unsatisfied and the kind still runs.
 */
@Component(service = SecondOpinion.class)
public final class CoreNlpOpinion implements SecondOpinion {

    private final TextAnalyzer analyzer;

    @Activate
    public CoreNlpOpinion(@Reference TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Reading read(String text) {
        Sentiment sentiment = analyzer.analyze(text).sentiment();
        return sentiment.isKnown() ? new Reading(sentiment.label(), sentiment.score(), "corenlp") : null;
    }
}
