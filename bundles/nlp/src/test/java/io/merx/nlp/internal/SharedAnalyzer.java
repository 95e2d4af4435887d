package io.merx.nlp.internal;

import io.merx.corenlp.internal.CoreNlpAnalyzer;

/** One CoreNLP pipeline for all tests of the module, as in Karaf where every model shares the service. */
final class SharedAnalyzer {

    private static CoreNlpAnalyzer analyzer;

    private SharedAnalyzer() {
    }

    static synchronized CoreNlpAnalyzer get() {
        if (analyzer == null) {
            analyzer = new CoreNlpAnalyzer(2, 20_000, 60);
        }
        return analyzer;
    }
}
