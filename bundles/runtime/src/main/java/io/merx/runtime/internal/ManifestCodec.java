package io.merx.runtime.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;

/**
 * Reads and writes {@code manifest.json}. Written by hand rather than by data binding so the file format is
 * explicit, stable across Java refactorings, and infinite bounds are stored as null instead of invalid JSON.
 */
final class ManifestCodec {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ManifestCodec() {
    }

    static byte[] write(ArtifactManifest m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ArtifactManifest.FORMAT);
        root.put("name", m.name());
        root.put("version", m.version());
        root.put("kind", m.kind());
        root.put("kindRange", m.kindRange());
        root.put("createdAt", m.createdAt().toString());
        root.set("provenance", provenance(m.provenance()));
        root.set("inputSchema", schema(m.inputSchema()));
        ArrayNode warmup = root.putArray("warmup");
        for (ScoreRequest request : m.warmup()) {
            ObjectNode sample = warmup.addObject();
            sample.put("key", request.key());
            sample.set("inputs", JSON.valueToTree(request.inputs()));
        }
        ObjectNode files = root.putObject("files");
        new java.util.TreeMap<>(m.files()).forEach(files::put);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest of " + m.name() + "/" + m.version(), e);
        }
    }

    /** @throws IOException naming the missing or malformed field */
    static ArtifactManifest read(byte[] content) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IOException("bad manifest: not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException("bad manifest: not a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format != ArtifactManifest.FORMAT) {
            throw new IOException("bad manifest: unsupported format " + root.path("format") + ", expected "
                    + ArtifactManifest.FORMAT);
        }
        try {
            Map<String, String> files = new LinkedHashMap<>();
            object(root, "files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            List<ScoreRequest> warmup = new ArrayList<>();
            for (JsonNode sample : array(root, "warmup")) {
                String key = sample.path("key").isTextual() ? sample.get("key").asText() : null;
                warmup.add(new ScoreRequest(key, JSON.convertValue(object(sample, "inputs"), MAP)));
            }
            return new ArtifactManifest(text(root, "name"), text(root, "version"), text(root, "kind"),
                    text(root, "kindRange"), instant(root, "createdAt"), provenance(object(root, "provenance")),
                    schema(object(root, "inputSchema")), warmup, files);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad manifest: " + e.getMessage());
        } catch (NullPointerException e) {
            // Records name the field; a JDK message would name Java classes instead.
            String field = String.valueOf(e.getMessage());
            throw new IOException("bad manifest: " + (field.matches("[A-Za-z]+") ? "missing field '" + field + "'"
                    : "a required field is missing"));
        }
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", p.kind());
        node.put("kindVersion", p.kindVersion());
        node.set("hyperParameters", JSON.valueToTree(p.hyperParameters()));
        node.put("dataFingerprint", p.dataFingerprint());
        node.put("dataRows", p.dataRows());
        node.put("trainedAt", p.trainedAt().toString());
        node.put("merxVersion", p.merxVersion());
        node.put("javaVersion", p.javaVersion());
        node.put("os", p.os());
        node.set("metrics", JSON.valueToTree(p.metrics()));
        return node;
    }

    private static Provenance provenance(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        object(node, "metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new Provenance(text(node, "kind"), text(node, "kindVersion"),
                JSON.convertValue(object(node, "hyperParameters"), MAP), node.path("dataFingerprint").asText(""),
                node.path("dataRows").asLong(0), instant(node, "trainedAt"), node.path("merxVersion").asText(""),
                node.path("javaVersion").asText(""), node.path("os").asText(""), metrics);
    }

    private static ObjectNode schema(InputSchema schema) {
        ObjectNode node = JSON.createObjectNode();
        node.put("allowUnknown", schema.allowUnknown());
        ArrayNode fields = node.putArray("fields");
        for (FieldSpec f : schema.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type().name());
            field.put("required", f.required());
            field.put("description", f.description());
            putBound(field, "min", f.min());
            putBound(field, "max", f.max());
            field.put("size", f.size());
        }
        if (!schema.variants().isEmpty()) {
            ArrayNode variants = node.putArray("variants");
            for (InputSchema.Variant v : schema.variants()) {
                ObjectNode variant = variants.addObject();
                variant.put("field", v.field());
                variant.put("value", v.value());
                v.required().forEach(variant.putArray("required")::add);
            }
        }
        return node;
    }

    private static InputSchema schema(JsonNode node) {
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode f : array(node, "fields")) {
            fields.add(new FieldSpec(text(f, "name"), fieldType(text(f, "type")),
                    f.path("required").asBoolean(true), f.path("description").asText(""),
                    bound(f, "min", Double.NEGATIVE_INFINITY), bound(f, "max", Double.POSITIVE_INFINITY),
                    f.path("size").asInt(0)));
        }
        List<InputSchema.Variant> variants = new ArrayList<>();
        for (JsonNode v : node.path("variants")) {
            List<String> required = new ArrayList<>();
            v.path("required").forEach(name -> required.add(name.asText()));
            variants.add(new InputSchema.Variant(text(v, "field"), text(v, "value"), required));
        }
        return new InputSchema(fields, node.path("allowUnknown").asBoolean(false), variants);
    }

    private static FieldType fieldType(String name) {
        try {
            return FieldType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field type '" + name + "' is not one of "
                    + java.util.Arrays.toString(FieldType.values()));
        }
    }

    private static void putBound(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static double bound(JsonNode node, String name, double unbounded) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? unbounded : value.asDouble();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("missing text field '" + name + "'");
        }
        return value.asText();
    }

    private static JsonNode object(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("missing object field '" + name + "'");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("missing array field '" + name + "'");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(text(node, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + name + "' is not an ISO-8601 instant");
        }
    }
}
