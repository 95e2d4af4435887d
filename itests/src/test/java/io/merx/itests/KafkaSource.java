package io.merx.itests;

import java.nio.file.Files;
import java.util.Collections;
import java.util.List;

import io.merx.events.kafka.internal.KafkaBroker;

/**
 * A real Kafka broker for {@link EventsKafkaIT}, in the test driver only: a class of its own so the probe inside
 * Karaf, which cannot see the broker launcher, never loads it.
 */
final class KafkaSource {

    private KafkaSource() {
    }

    /** Starts a broker (stopped when the driver JVM exits), sends {@code values} to a new one-partition topic. */
    static String startWith(String topic, List<String> values) {
        try {
            KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("merx-itest-kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            broker.createTopic(topic, 1);
            broker.send(topic, Collections.nCopies(values.size(), "u1"), values);
            return broker.bootstrap();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka broker for the test", e);
        }
    }
}
