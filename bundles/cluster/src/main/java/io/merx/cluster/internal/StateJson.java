package io.merx.cluster.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.VersionState;
import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.NodeReport;

/**
 * The JSON kept in the {@code models.record} and {@code nodes.report} columns. Written field by field so the stored
 * form is readable with psql and does not change when a Java record gains a field.
 */
final class StateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {
    }

    /** The model's record less its name, revision and last version, which are columns. */
    static String record(DesiredModel model) {
        ObjectNode json = MAPPER.createObjectNode();
        model.versions().forEach(json.putArray("versions")::add);
        ObjectNode aliases = json.putObject("aliases");
        model.aliases().forEach(aliases::put);
        model.liveHistory().forEach(json.putArray("liveHistory")::add);
        if (model.canary() != null) {
            json.putObject("canary").put("version", model.canary().version()).put("percent", model.canary().percent());
        }
        if (model.shadow() != null) {
            json.put("shadow", model.shadow());
        }
        return json.toString();
    }

    static DesiredModel model(String name, String record, long lastVersion, long revision) {
        JsonNode json = parse(record);
        JsonNode canary = json.path("canary");
        return new DesiredModel(name, strings(json.path("versions")), stringMap(json.path("aliases")),
                strings(json.path("liveHistory")),
                canary.isObject() ? new CanarySplit(canary.path("version").asText(), canary.path("percent").asDouble())
                        : null,
                json.hasNonNull("shadow") ? json.get("shadow").asText() : null, lastVersion, revision);
    }

    static String report(NodeReport report) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("node", report.node());
        json.put("address", report.address());
        json.put("startedAt", report.startedAt().toString());
        json.put("heartbeatAt", report.heartbeatAt().toString());
        json.put("converged", report.converged());
        ObjectNode models = json.putObject("models");
        report.models().forEach((name, served) -> {
            ObjectNode model = models.putObject(name);
            model.put("revision", served.revision());
            ObjectNode aliases = model.putObject("aliases");
            served.aliases().forEach(aliases::put);
            ObjectNode states = model.putObject("states");
            served.states().forEach((version, state) -> states.put(version, state.name()));
        });
        return json.toString();
    }

    static NodeReport report(String stored) {
        JsonNode json = parse(stored);
        Map<String, NodeReport.ServedModel> models = new LinkedHashMap<>();
        json.path("models").fields().forEachRemaining(entry -> {
            Map<String, VersionState> states = new LinkedHashMap<>();
            entry.getValue().path("states").fields()
                    .forEachRemaining(s -> states.put(s.getKey(), VersionState.valueOf(s.getValue().asText())));
            models.put(entry.getKey(), new NodeReport.ServedModel(entry.getValue().path("revision").asLong(),
                    stringMap(entry.getValue().path("aliases")), states));
        });
        return new NodeReport(json.path("node").asText(), json.path("address").asText(),
                Instant.parse(json.path("startedAt").asText()), Instant.parse(json.path("heartbeatAt").asText()),
                json.path("converged").asBoolean(), models);
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the shared store holds JSON this node cannot read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return list;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
