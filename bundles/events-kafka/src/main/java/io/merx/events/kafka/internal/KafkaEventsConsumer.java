package io.merx.events.kafka.internal;

import java.time.Duration;

import org.apache.kafka.common.KafkaException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.EventService;

/**
 * Runs an {@link EventPump} while its configuration ({@value KafkaSettings#PID}) exists and an events service is
 * there; a configuration change restarts it, and the consumer group's committed offsets say where it resumes.
 * Registered as a service of its own class so the shell can show its {@link #status()}.
 */
@Component(service = KafkaEventsConsumer.class, configurationPid = KafkaSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = KafkaEventsConfig.class)
public final class KafkaEventsConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventsConsumer.class);
    private static final Duration UNASSIGNED_WARNING = Duration.ofSeconds(60);

    private final KafkaSettings settings;
    private final EventPump pump;

    @Activate
    public KafkaEventsConsumer(@Reference EventService events, KafkaEventsConfig config) {
        this.settings = KafkaSettings.from(config);
        try {
            this.pump = new EventPump(settings, events, UNASSIGNED_WARNING);
        } catch (KafkaException e) {
            throw new IllegalArgumentException("the Kafka consumer for " + source() + " could not be created: "
                    + e.getMessage(), e);
        }
        pump.start();
    }

    /** What the consumer has read, stored, skipped and committed since it started. */
    public ConsumerStatus status() {
        return pump.status();
    }

    /** The topic and brokers, for the shell. */
    public String source() {
        return settings.topic() + " at " + settings.bootstrapServers() + " (group " + settings.groupId() + ")";
    }

    @Deactivate
    void stop() {
        try {
            pump.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping the Kafka events consumer");
        }
    }
}
