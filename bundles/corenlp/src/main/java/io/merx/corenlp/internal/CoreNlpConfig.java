package io.merx.corenlp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx CoreNLP", description = "The shared Stanford CoreNLP pipeline")
@interface CoreNlpConfig {

    @AttributeDefinition(description = "Texts analysed at once (worker threads); more waiting texts queue")
    int threads() default 2;

    @AttributeDefinition(description = "Time budget of one text in milliseconds; after it the analysis is partial")
    long timeoutMillis() default 3_000;

    @AttributeDefinition(description = "Sentences longer than this many tokens are not parsed and get no sentiment")
    int maxSentenceTokens() default 60;
}
