package io.merx.events.kafka.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/** The consumer's configuration as checked plain values, and the Kafka properties they make. */
record KafkaSettings(String bootstrapServers, String topic, String groupId, Duration pollTimeout,
        int maxPollRecords, String autoOffsetReset, Map<String, String> extra) {

    static final String PID = "io.merx.events.kafka";

    /** Properties the consumer's delivery guarantees rest on: not to be overridden by {@code consumerProperties}. */
    private static final Set<String> OWN = Set.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    KafkaSettings {
        bootstrapServers = required("bootstrapServers", bootstrapServers);
        topic = required("topic", topic);
        try {
            Topic.validate(topic);
        } catch (InvalidTopicException e) {
            throw new IllegalArgumentException("topic '" + topic + "' is not a Kafka topic name: at most 249 ASCII"
                    + " letters, digits, '.', '_' and '-'", e);
        }
        groupId = required("groupId", groupId);
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeoutMs must be positive, got " + pollTimeout.toMillis());
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, got " + maxPollRecords);
        }
        autoOffsetReset = autoOffsetReset.trim().toLowerCase(Locale.ROOT);
        if (!autoOffsetReset.equals("earliest") && !autoOffsetReset.equals("latest")) {
            throw new IllegalArgumentException("autoOffsetReset must be earliest or latest, got '" + autoOffsetReset
                    + "'");
        }
        for (String key : extra.keySet()) {
            if (OWN.contains(key)) {
                throw new IllegalArgumentException("consumerProperties must not set " + key
                        + ": it has its own setting or is fixed by the consumer's delivery guarantee");
            }
        }
        extra = Map.copyOf(extra);
    }

    static KafkaSettings from(KafkaEventsConfig config) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String line : config.consumerProperties()) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("consumerProperties entries are key=value, got '"
                        + line.split("=", 2)[0] + "...'");
            }
            extra.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return new KafkaSettings(config.bootstrapServers(), config.topic(), config.groupId(),
                Duration.ofMillis(config.pollTimeoutMs()), config.maxPollRecords(), config.autoOffsetReset(), extra);
    }

    /** The consumer's properties: offsets committed by hand, after ingest; records as raw bytes. */
    Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(extra);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "merx-events-" + groupId);
        return props;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.trim();
    }
}
