package io.merx.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx dynamic batching",
        description = "Concurrent requests to one model version, arriving within a short delay of each other, are"
                + " scored together with one batched call. Off unless a model or kind is listed. Changes apply to"
                + " the next request, without restarting the runtime; see docs/runtime.md.")
@interface BatchingConfig {

    @AttributeDefinition(name = "Models", description = "Names of the models whose requests are batched.")
    String[] models() default {};

    @AttributeDefinition(name = "Kinds", description = "Kinds (e.g. nlp.customer-service) whose models all batch.")
    String[] kinds() default {};

    @AttributeDefinition(name = "Maximum delay (microseconds)",
            description = "The longest the first request of a batch waits for others: the latency batching may"
                    + " add to a request when traffic is light. 0 to 1000000.")
    long maxDelayMicros() default BatchingPolicy.DEFAULT_MAX_DELAY_MICROS;

    @AttributeDefinition(name = "Maximum batch size",
            description = "A batch is scored as soon as it holds this many requests. At least 2.")
    int maxBatchSize() default BatchingPolicy.DEFAULT_MAX_BATCH_SIZE;
}
