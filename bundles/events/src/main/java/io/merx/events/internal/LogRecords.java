package io.merx.events.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.events.Event;
import io.merx.api.events.EventType;
import io.merx.api.events.Impression;

/**
 * The payload of a log record: one JSON object, {@code "k":"e"} for an event with the response it was attributed
 * to ({@code "a"}, absent when none), {@code "k":"i"} for a served response. Events carry their attribution so
 * that the metrics can be rebuilt from the log alone after a restart.
 */
final class LogRecords {

    /** A stored event and the response it was attributed to, or null. */
    record StoredEvent(Event event, Impression attributedTo) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogRecords() {
    }

    static byte[] event(Event e, Impression attributedTo) {
        ObjectNode node = JSON.createObjectNode();
        node.put("k", "e");
        node.put("id", e.id());
        node.put("type", e.type().wireName());
        node.put("user", e.user());
        node.put("item", e.item());
        node.put("value", e.value());
        node.put("ts", e.timestamp().toString());
        node.put("requestId", e.requestId());
        node.put("model", e.model());
        if (attributedTo != null) {
            ObjectNode a = node.putObject("a");
            a.put("requestId", attributedTo.requestId());
            a.put("model", attributedTo.model());
            a.put("version", attributedTo.version());
            a.put("route", attributedTo.route());
        }
        return bytes(node);
    }

    static byte[] impression(Impression i) {
        ObjectNode node = JSON.createObjectNode();
        node.put("k", "i");
        node.put("requestId", i.requestId());
        node.put("model", i.model());
        node.put("version", i.version());
        node.put("route", i.route());
        node.put("user", i.user());
        ArrayNode items = node.putArray("items");
        i.items().forEach(items::add);
        node.put("at", i.servedAt().toString());
        return bytes(node);
    }

    /** The record's content: a {@link StoredEvent} or an {@link Impression}. */
    static Object read(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if ("i".equals(node.path("k").asText())) {
            List<String> items = new ArrayList<>();
            node.path("items").forEach(n -> items.add(n.asText()));
            return new Impression(node.get("requestId").asText(), node.get("model").asText(),
                    node.get("version").asText(), node.get("route").asText(), text(node, "user"), items,
                    Instant.parse(node.get("at").asText()));
        }
        Event event = new Event(node.get("id").asText(), EventType.fromWireName(node.get("type").asText()),
                text(node, "user"), text(node, "item"), node.path("value").asDouble(),
                Instant.parse(node.get("ts").asText()), text(node, "requestId"), text(node, "model"));
        JsonNode a = node.get("a");
        Impression attributedTo = a == null ? null : new Impression(a.get("requestId").asText(),
                a.get("model").asText(), a.get("version").asText(), a.get("route").asText(), null, List.of(),
                event.timestamp());
        return new StoredEvent(event, attributedTo);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
