package io.merx.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.FieldSpec;
import io.merx.api.InputSchema;
import io.merx.api.ParameterSpec;
import io.merx.api.Provenance;
import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.ShadowReport;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.VersionStats;

/**
 * The JSON shape of the runtime's records: ordered maps with lower-case enum names, and no infinite or NaN
 * number (an unbounded range is left out instead), so every answer is strict JSON.
 */
final class Views {

    private Views() {
    }

    static Map<String, Object> kind(KindInfo kind) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", kind.name());
        json.put("version", kind.version());
        json.put("description", kind.description());
        List<Object> parameters = new ArrayList<>();
        for (ParameterSpec p : kind.parameters()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", p.name());
            parameter.put("type", lower(p.type()));
            parameter.put("default", p.defaultValue());
            putFinite(parameter, "min", p.min());
            putFinite(parameter, "max", p.max());
            if (!p.choices().isEmpty()) {
                parameter.put("choices", p.choices());
            }
            parameter.put("description", p.description());
            parameters.add(parameter);
        }
        json.put("parameters", parameters);
        return json;
    }

    static Map<String, Object> summary(ModelSummary model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", model.name());
        json.put("kind", model.kind());
        json.put("versions", model.versions());
        json.put("aliases", model.aliases());
        if (model.canary() != null) {
            json.put("canary", Map.of("version", model.canary().version(), "percent", model.canary().percent()));
        } else {
            json.put("canary", null);
        }
        json.put("shadowVersion", model.shadowVersion());
        return json;
    }

    static Map<String, Object> version(ModelVersionInfo v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", v.model());
        json.put("version", v.version());
        json.put("kind", v.kind());
        json.put("kindRange", v.kindRange());
        json.put("state", lower(v.state()));
        json.put("failureReason", v.failureReason());
        json.put("aliases", v.aliases());
        json.put("createdAt", v.createdAt() == null ? null : v.createdAt().toString());
        json.put("metrics", finite(v.metrics()));
        json.put("provenance", provenance(v.provenance()));
        json.put("inputSchema", schema(v.inputSchema()));
        json.put("nativeMemoryBytes", v.nativeMemoryBytes());
        json.put("stats", stats(v.stats()));
        return json;
    }

    static Map<String, Object> provenance(Provenance p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", p.kind());
        json.put("kindVersion", p.kindVersion());
        json.put("hyperParameters", p.hyperParameters());
        json.put("dataFingerprint", p.dataFingerprint());
        json.put("dataRows", p.dataRows());
        json.put("trainedAt", p.trainedAt().toString());
        json.put("merxVersion", p.merxVersion());
        json.put("javaVersion", p.javaVersion());
        json.put("os", p.os());
        json.put("metrics", finite(p.metrics()));
        return json;
    }

    static Map<String, Object> schema(InputSchema schema) {
        if (schema == null) {
            return null;
        }
        List<Object> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("type", lower(f.type()));
            field.put("required", f.required());
            field.put("description", f.description());
            putFinite(field, "min", f.min());
            putFinite(field, "max", f.max());
            if (f.size() > 0) {
                field.put("size", f.size());
            } else if (f.size() < 0) {
                field.put("maxLength", -f.size());
            }
            fields.add(field);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fields", fields);
        json.put("allowUnknown", schema.allowUnknown());
        if (!schema.variants().isEmpty()) {
            List<Object> variants = new ArrayList<>();
            for (InputSchema.Variant v : schema.variants()) {
                variants.add(Map.of("field", v.field(), "value", v.value(), "required", v.required()));
            }
            json.put("variants", variants);
        }
        return json;
    }

    static Map<String, Object> stats(VersionStats s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", s.requests());
        json.put("errors", s.errors());
        putFinite(json, "p50Millis", s.p50Millis());
        putFinite(json, "p99Millis", s.p99Millis());
        return json;
    }

    static Map<String, Object> job(TrainingJob job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("model", job.model());
        json.put("kind", job.kind());
        json.put("state", lower(job.state()));
        json.put("startedAt", job.startedAt().map(Object::toString).orElse(null));
        json.put("finishedAt", job.finishedAt().map(Object::toString).orElse(null));
        json.put("progress", Double.isFinite(job.progress()) ? job.progress() : 0.0);
        json.put("message", job.message());
        json.put("resultVersion", job.resultVersion().orElse(null));
        return json;
    }

    static Map<String, Object> node(ClusterNode node) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", node.name());
        json.put("address", node.address());
        json.put("heartbeatAt", node.heartbeatAt().toString());
        json.put("converged", node.converged());
        Map<String, Object> models = new LinkedHashMap<>();
        node.models().forEach((name, served) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("liveVersion", served.liveVersion());
            m.put("revision", served.revision());
            m.put("lag", served.lag());
            models.put(name, m);
        });
        json.put("models", models);
        return json;
    }

    static Map<String, Object> nodes(List<ClusterNode> nodes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodes", nodes.stream().map(Views::node).toList());
        return json;
    }

    static Map<String, Object> shadow(ShadowReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", r.model());
        json.put("candidateVersion", r.candidateVersion());
        json.put("compared", r.compared());
        json.put("differed", r.differed());
        json.put("errors", r.errors());
        json.put("dropped", r.dropped());
        putFinite(json, "meanAbsDifference", r.meanAbsDifference());
        putFinite(json, "maxAbsDifference", r.maxAbsDifference());
        return json;
    }

    /** One scored request in the Merx format. */
    static Map<String, Object> score(ScoreResponse r, String requestId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", r.model());
        json.put("version", r.version());
        json.put("route", r.route());
        json.put("requestId", requestId);
        json.put("outputs", r.result().outputs());
        return json;
    }

    private static Map<String, Double> finite(Map<String, Double> values) {
        Map<String, Double> json = new LinkedHashMap<>();
        values.forEach((k, v) -> json.put(k, v != null && Double.isFinite(v) ? v : null));
        return json;
    }

    private static void putFinite(Map<String, Object> json, String key, double value) {
        if (Double.isFinite(value)) {
            json.put(key, value);
        }
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
