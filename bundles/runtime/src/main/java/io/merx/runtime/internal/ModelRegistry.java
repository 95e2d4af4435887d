package io.merx.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.VersionState;

/**
 * Versions, states and aliases of all models, persisted to {@code registry.json}. Every change is written
 * (temp file, fsync, atomic rename) before it becomes visible, so after a restart, even after kill -9, the
 * runtime serves the aliases it served before; a change that did not reach the disk never took effect.
 */
final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    static final String FILE_NAME = "registry.json";

    private final Path file;
    private final Map<String, ModelRecord> records = new ConcurrentHashMap<>();

    ModelRegistry(Path storeRoot) throws IOException {
        this.file = storeRoot.resolve(FILE_NAME);
        AtomicFiles.deleteLeftovers(file);
        if (Files.exists(file)) {
            try {
                read(ManifestCodec.JSON.readTree(Files.readAllBytes(file)));
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + Instant.now().toEpochMilli());
                Files.move(file, aside);
                records.clear();
                LOG.error("Registry {} is unreadable ({}); moved it to {} and starting without aliases", file,
                        e.getMessage(), aside);
            }
        }
    }

    Optional<ModelRecord> get(String name) {
        return Optional.ofNullable(records.get(name));
    }

    List<ModelRecord> all() {
        List<ModelRecord> all = new ArrayList<>(records.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /**
     * Applies a change to one model's record (creating it when absent), persists, then publishes it.
     * Returning null from the change removes the model.
     */
    synchronized ModelRecord update(String name, UnaryOperator<ModelRecord> change) throws IOException {
        ModelRecord before = records.getOrDefault(name, ModelRecord.empty(name));
        ModelRecord after = change.apply(before);
        Map<String, ModelRecord> next = new TreeMap<>(records);
        if (after == null) {
            next.remove(name);
        } else {
            next.put(name, after);
        }
        AtomicFiles.write(file, ManifestCodec.JSON.writeValueAsBytes(toJson(next)));
        if (after == null) {
            records.remove(name);
        } else {
            records.put(name, after);
        }
        return after;
    }

    /** Records a state change of an existing version; ignores versions deleted meanwhile. */
    void setState(String name, String version, VersionState state, String reason) throws IOException {
        update(name, r -> r.versions().containsKey(version)
                ? r.withVersion(version, new ModelRecord.Status(state, reason)) : r);
    }

    private static ObjectNode toJson(Map<String, ModelRecord> all) {
        ObjectNode root = ManifestCodec.JSON.createObjectNode();
        root.put("format", 1);
        ObjectNode models = root.putObject("models");
        for (ModelRecord r : all.values()) {
            ObjectNode m = models.putObject(r.name());
            m.put("lastVersion", r.lastVersion());
            ObjectNode versions = m.putObject("versions");
            r.versions().forEach((v, s) -> {
                ObjectNode status = versions.putObject(v);
                status.put("state", s.state().name());
                if (s.reason() != null) {
                    status.put("reason", s.reason());
                }
            });
            ObjectNode aliases = m.putObject("aliases");
            r.aliases().forEach(aliases::put);
            r.liveHistory().forEach(m.putArray("liveHistory")::add);
            if (r.canary() != null) {
                ObjectNode canary = m.putObject("canary");
                canary.put("version", r.canary().version());
                canary.put("percent", r.canary().percent());
            }
            if (r.shadow() != null) {
                m.put("shadow", r.shadow());
            }
        }
        return root;
    }

    private void read(JsonNode root) {
        root.path("models").fields().forEachRemaining(entry -> {
            String name = Names.model(entry.getKey());
            JsonNode m = entry.getValue();
            java.util.SortedMap<String, ModelRecord.Status> versions = new TreeMap<>(ModelRecord.NUMERIC);
            m.path("versions").fields().forEachRemaining(v -> {
                VersionState state = VersionState.valueOf(v.getValue().path("state").asText());
                // A load the process did not live to finish starts over.
                if (state == VersionState.LOADING || state == VersionState.WARMING) {
                    state = VersionState.NEW;
                }
                String reason = v.getValue().hasNonNull("reason") ? v.getValue().get("reason").asText() : null;
                versions.put(Names.version(v.getKey()), new ModelRecord.Status(state, reason));
            });
            Map<String, String> aliases = new LinkedHashMap<>();
            m.path("aliases").fields().forEachRemaining(a -> aliases.put(a.getKey(), a.getValue().asText()));
            List<String> history = new ArrayList<>();
            m.path("liveHistory").forEach(h -> history.add(h.asText()));
            JsonNode c = m.get("canary");
            CanarySplit canary = c == null || c.isNull() ? null
                    : new CanarySplit(c.path("version").asText(), c.path("percent").asDouble());
            String shadow = m.hasNonNull("shadow") ? m.get("shadow").asText() : null;
            records.put(name, new ModelRecord(name, versions, aliases, history, canary, shadow,
                    m.path("lastVersion").asLong(0)));
        });
    }
}
