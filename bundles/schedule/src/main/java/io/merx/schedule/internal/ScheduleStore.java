package io.merx.schedule.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.events.EventType;
import io.merx.api.schedule.RetrainOutcome;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;

/**
 * The schedules and their last reports, in one JSON file ({@value #FILE}) that is replaced atomically on every
 * change: written to a temporary file, forced to disk, then renamed over the old one, so a crash leaves either
 * the old or the new content, never a torn file. Not thread-safe: the scheduler calls it under its lock.
 */
final class ScheduleStore {

    static final String FILE = "schedules.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model's schedule and its reports, newest first. */
    record Entry(RetrainSchedule schedule, List<RetrainReport> reports) {
        Entry {
            reports = List.copyOf(reports);
        }
    }

    private final Path directory;

    ScheduleStore(Path directory) {
        this.directory = directory;
    }

    /** Everything stored, by model; empty when nothing was stored yet. */
    Map<String, Entry> load() throws IOException {
        Path file = directory.resolve(FILE);
        Map<String, Entry> entries = new TreeMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode node : root.path("schedules")) {
            RetrainSchedule schedule = schedule(node.path("schedule"));
            List<RetrainReport> reports = new ArrayList<>();
            for (JsonNode report : node.path("reports")) {
                reports.add(report(schedule.model(), report));
            }
            entries.put(schedule.model(), new Entry(schedule, reports));
        }
        return entries;
    }

    void save(Map<String, Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("schedules");
        for (Entry entry : entries.values()) {
            ObjectNode node = list.addObject();
            node.set("schedule", json(entry.schedule()));
            ArrayNode reports = node.putArray("reports");
            entry.reports().forEach(r -> reports.add(json(r)));
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve(FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(partial, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    static ObjectNode json(RetrainSchedule schedule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", schedule.model());
        node.put("cron", schedule.cron());
        ArrayNode types = node.putArray("eventTypes");
        EnumSet.copyOf(schedule.eventTypes()).forEach(t -> types.add(t.wireName()));
        node.put("holdoutFraction", schedule.holdoutFraction());
        node.put("tolerance", schedule.tolerance());
        return node;
    }

    static ObjectNode json(RetrainReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("startedAt", report.startedAt().toString());
        node.put("finishedAt", report.finishedAt().toString());
        node.put("outcome", report.outcome().name());
        node.put("liveVersion", report.liveVersion());
        node.put("candidateVersion", report.candidateVersion());
        node.put("metric", report.metric());
        number(node, "candidateValue", report.candidateValue());
        number(node, "liveValue", report.liveValue());
        number(node, "candidateRecall", report.candidateRecall());
        number(node, "liveRecall", report.liveRecall());
        node.put("trainEvents", report.trainEvents());
        node.put("heldOutEvents", report.heldOutEvents());
        node.put("evaluatedUsers", report.evaluatedUsers());
        node.put("trainedUntil", report.trainedUntil() == null ? null : report.trainedUntil().toString());
        node.put("reason", report.reason());
        return node;
    }

    /** NaN (not measured) is stored as null: JSON has no NaN. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static RetrainSchedule schedule(JsonNode node) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        node.path("eventTypes").forEach(t -> types.add(EventType.fromWireName(t.asText())));
        return new RetrainSchedule(node.path("model").asText(), node.path("cron").asText(), types,
                node.path("holdoutFraction").asDouble(), node.path("tolerance").asDouble());
    }

    private static RetrainReport report(String model, JsonNode node) {
        return new RetrainReport(model, Instant.parse(node.path("startedAt").asText()),
                Instant.parse(node.path("finishedAt").asText()), RetrainOutcome.valueOf(node.path("outcome").asText()),
                text(node, "liveVersion"), text(node, "candidateVersion"), node.path("metric").asText(),
                real(node, "candidateValue"), real(node, "liveValue"), real(node, "candidateRecall"),
                real(node, "liveRecall"), node.path("trainEvents").asLong(), node.path("heldOutEvents").asLong(),
                node.path("evaluatedUsers").asInt(),
                text(node, "trainedUntil") == null ? null : Instant.parse(text(node, "trainedUntil")),
                node.path("reason").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double real(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the file's own force is all there is.
        }
    }
}
