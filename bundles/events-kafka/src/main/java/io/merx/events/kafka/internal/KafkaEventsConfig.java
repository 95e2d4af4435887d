package io.merx.events.kafka.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx events from Kafka",
        description = "Consumes behaviour events (the JSON objects of POST /api/v1/events, one per record) from a"
                + " Kafka topic into the events log. Starts only when this configuration exists.")
@interface KafkaEventsConfig {

    @AttributeDefinition(description = "Kafka bootstrap servers, host:port[,host:port...]")
    String bootstrapServers();

    @AttributeDefinition(description = "The topic whose records are events")
    String topic() default "merx-events";

    @AttributeDefinition(description = "Consumer group: its committed offsets say where to resume after a restart")
    String groupId() default "merx-events";

    @AttributeDefinition(description = "Longest wait of one poll, in milliseconds")
    long pollTimeoutMs() default 1000;

    @AttributeDefinition(description = "Most records handled per poll; they are ingested as one batch")
    int maxPollRecords() default 500;

    @AttributeDefinition(description = "Where a new consumer group starts: earliest (the whole retained topic;"
            + " events seen before count as duplicates) or latest")
    String autoOffsetReset() default "earliest";

    @AttributeDefinition(description = "More Kafka consumer properties, key=value each, e.g. security.protocol=SASL_SSL,"
            + " sasl.mechanism=SCRAM-SHA-512, sasl.jaas.config=..., ssl.truststore.location=...")
    String[] consumerProperties() default {};
}
