package io.merx.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import io.merx.events.kafka.internal.KafkaBroker;

/**
 * A real Kafka broker for {@link EventsKafkaIT}, in the test driver only: a class of its own so the probe inside
 * Karaf, which cannot see the broker launcher, never loads it.
 */
final class KafkaSource {

    /** Pax Exam asks for the configuration more than once per class: one broker serves them all. */
    private static String bootstrap;

    private KafkaSource() {
    }

    /**
     * Starts a broker (it exits with the driver JVM, killed or not) and sends {@code values} to a new one-partition
     * topic.
     */
    static synchronized String startWith(String topic, List<String> values) {
        if (bootstrap != null) {
            return bootstrap;
        }
        try {
            Path target = Files.createDirectories(Path.of("target", "kafka"));
            KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory(target, "broker-"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            broker.createTopic(topic, 1);
            broker.send(topic, Collections.nCopies(values.size(), "u1"), values);
            bootstrap = broker.bootstrap();
            return bootstrap;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka broker for the test", e);
        }
    }
}
