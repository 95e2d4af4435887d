package io.merx.events.kafka.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.merx.events.kafka.internal.ConsumerStatus;
import io.merx.events.kafka.internal.KafkaEventsConsumer;

@Command(scope = "events", name = "kafka",
        description = "Shows what the Kafka events consumer has read, stored, skipped and committed since it started")
@Service
public final class KafkaCommand implements Action {

    @Reference(optional = true)
    private KafkaEventsConsumer consumer;

    @Override
    public Object execute() {
        if (consumer == null) {
            System.out.println("The Kafka events consumer is not running: it starts once the configuration"
                    + " io.merx.events.kafka has bootstrapServers (etc/io.merx.events.kafka.cfg, docs/events.md).");
            return null;
        }
        ConsumerStatus s = consumer.status();
        System.out.println("Kafka events  " + consumer.source());
        System.out.println("Partitions    " + (s.assigned().isEmpty() ? "none assigned" : String.join(", ",
                s.assigned())));
        System.out.println("Records       " + s.records() + " read: " + s.accepted() + " stored, " + s.duplicates()
                + " duplicates, " + s.invalid() + " invalid (skipped; each logged with its offset)");
        System.out.println("Commits       " + s.commits() + ", failed ingests " + s.failedIngests());
        if (s.lastError() != null) {
            System.out.println("Last problem  " + s.lastErrorAt() + ": " + s.lastError());
        }
        return null;
    }
}
