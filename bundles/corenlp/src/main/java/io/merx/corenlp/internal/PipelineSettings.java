package io.merx.corenlp.internal;

import java.util.List;
import java.util.Properties;

/**
 * The CoreNLP pipeline Merx runs and the model files it loads. The pom unpacks exactly {@link #MODEL_FILES} from
 * the 474 MB models jar; a test checks the two lists agree.
 *
 * <p>Choice of annotators: customer messages carry dates ("ordered on May 3", "since last Monday") and amounts
 * ("charged $49.99 twice"), so SUTime and the numeric classifiers stay on; only the 3-class CRF (person,
 * location, organisation) is kept because the 4- and 7-class models (36 MB) add nothing SUTime does not already
 * cover, and the fine-grained KBP gazetteers (18 MB) name nationalities and religions that support does not need.
 * Order numbers, tracking numbers and e-mail addresses are matched by the consumer's own patterns, which know the
 * shop's formats. The PCFG parser (3 MB) is the one the sentiment model was trained on; the shift-reduce parser
 * would need the separate models-english jar.
 */
final class PipelineSettings {

    static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    static final String PARSER_MODEL = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";
    static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
    static final String SUTIME_RULES = "edu/stanford/nlp/models/sutime/defs.sutime.txt,"
            + "edu/stanford/nlp/models/sutime/english.sutime.txt,"
            + "edu/stanford/nlp/models/sutime/english.holidays.sutime.txt";

    static final List<String> MODEL_FILES = List.of(POS_MODEL, NER_MODEL, PARSER_MODEL, SENTIMENT_MODEL,
            "edu/stanford/nlp/models/sutime/defs.sutime.txt", "edu/stanford/nlp/models/sutime/english.sutime.txt",
            "edu/stanford/nlp/models/sutime/english.holidays.sutime.txt");

    static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,parse,sentiment";

    private PipelineSettings() {
    }

    /**
     * @param maxSentenceTokens sentences longer than this are not parsed (the PCFG parser is cubic in sentence
     *        length); they get no sentiment
     */
    static Properties properties(int maxSentenceTokens) {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        p.setProperty("tokenize.language", "en");
        p.setProperty("pos.model", POS_MODEL);
        p.setProperty("pos.maxlen", Integer.toString(Math.max(maxSentenceTokens, 200)));
        p.setProperty("ner.model", NER_MODEL);
        p.setProperty("ner.useSUTime", "true");
        p.setProperty("ner.applyNumericClassifiers", "true");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        p.setProperty("ner.docdate.usePresent", "true");
        p.setProperty("sutime.rules", SUTIME_RULES);
        // Holiday binders need Jollyday and JAXB; the holiday rules in english.holidays.sutime.txt do without.
        p.setProperty("sutime.binders", "0");
        p.setProperty("parse.model", PARSER_MODEL);
        p.setProperty("parse.binaryTrees", "true");
        p.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens));
        p.setProperty("sentiment.model", SENTIMENT_MODEL);
        return p;
    }
}
