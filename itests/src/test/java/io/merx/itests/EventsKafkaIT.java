package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

import io.merx.api.events.EventService;
import io.merx.api.events.EventType;

/**
 * The optional Kafka consumer in the real distribution: {@code feature:install merx-events-kafka} resolves and
 * starts its bundle (kafka-clients inside), it waits for its configuration, and once configured it reads a real
 * Kafka 4 broker's topic into the events log. The broker (KRaft, its own JVM) is started by the test driver, outside
 * the container, and the events are sent before Karaf starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsKafkaIT extends MerxTestSupport {

    private static final String TOPIC = "shop-events";

    @Inject
    private ConfigurationAdmin configurations;

    @Override
    protected String bootFeatures() {
        return "merx-events";
    }

    /** Runs in the test driver: start the broker and send the events the container will read. */
    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(systemProperty("merx.itest.kafka").value(KafkaSource.startWith(TOPIC, List.of(
                event("k-1", "view"), event("k-2", "purchase"), "{\"id\": \"k-3\", \"type\": \"buy\"}",
                event("k-1", "view")))));
        return options.toArray(new Option[0]);
    }

    private static String event(String id, String type) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"user\": \"u1\", \"item\": \"p1\","
                + " \"value\": 10, \"timestamp\": \"2026-03-01T12:00:00Z\"}";
    }

    @Test
    public void theFeatureInstallsAndTheConfiguredConsumerReadsTheTopicIntoTheEventsLog() throws Exception {
        EventService events = awaitService(EventService.class, null);
        String install = execute("feature:install merx-events-kafka");
        Bundle bundle = bundle("io.merx.events.kafka");
        assertEquals(install, Bundle.ACTIVE, bundle.getState());
        String idle = execute("events:kafka");
        assertTrue(idle, idle.contains("The Kafka events consumer is not running"));

        org.osgi.service.cm.Configuration config = configurations.getConfiguration("io.merx.events.kafka", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("bootstrapServers", System.getProperty("merx.itest.kafka"));
        props.put("topic", TOPIC);
        props.put("groupId", "merx-itest");
        config.update(props);

        String status = "";
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!status.contains("4 read") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            status = execute("events:kafka");
        }
        assertTrue(status, status.contains("Records       4 read: 2 stored, 1 duplicates, 1 invalid"));
        assertTrue(status, status.contains("Partitions    " + TOPIC + "-0"));
        assertTrue(status, status.contains("offset 2 is not a valid event"));
        StringWriter csv = new StringWriter();
        assertEquals(csv.toString(), 1, events.exportCsv(EnumSet.of(EventType.PURCHASE), csv));
        assertTrue(csv.toString(), csv.toString().contains("u1,p1,1,2026-03-01T12:00:00Z"));

        config.delete();
    }
}
