/**
 * Text analysis with Stanford CoreNLP behind an engine-free service: tokens, sentences, named entities with
 * normalised values (dates, money, numbers via SUTime and CoreNLP's numeric classifiers) and the five-class
 * sentiment of the recursive sentiment model.
 *
 * <p>The {@link io.merx.corenlp.TextAnalyzer} service appears once the pipeline has been loaded (tens of seconds,
 * about a gigabyte of heap); every consumer shares that one pipeline. No CoreNLP type appears in this package, so
 * consumers import nothing from CoreNLP.
 *
 * <pre>{@code
 * @Activate
 * public MyKind(@Reference TextAnalyzer analyzer) { ... }
 * TextAnalysis analysis = analyzer.analyze("My order #12345 arrived broken on May 3.");
 * analysis.sentiment().label(); // "negative"
 * }</pre>
 *
 * <p>The bundle embeds CoreNLP, which is licensed GPL v3 or later.
 */
@Export
@Version("1.0.0")
package io.merx.corenlp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
