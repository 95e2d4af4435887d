package io.merx.experiments.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.merx.api.experiments.ExperimentMetric;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.api.experiments.Guardrail;

/**
 * One JSON file per experiment, {@code <id>.json} in one directory, each replaced atomically on every change, so
 * a restart finds every experiment as it was last evaluated. The format is written field by field (no Jackson
 * annotations on the API records), with a {@code format} number for later changes.
 */
final class ExperimentStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentStore.class);
    private static final int FORMAT = 1;

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    ExperimentStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        AtomicJson.deleteLeftovers(directory);
    }

    Path directory() {
        return directory;
    }

    void save(Experiment e) throws IOException {
        AtomicJson.write(directory.resolve(e.id() + ".json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(toJson(e)));
    }

    /** Every stored experiment; an unreadable file is logged and left where it is, never deleted. */
    List<Experiment> loadAll() throws IOException {
        List<Experiment> all = new ArrayList<>();
        try (var files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                try {
                    all.add(fromJson(json.readTree(file.toFile())));
                } catch (IOException | RuntimeException e) {
                    LOG.error("Experiment file {} could not be read and is ignored: {}", file, e.toString());
                }
            }
        }
        return all;
    }

    private ObjectNode toJson(Experiment e) {
        ObjectNode n = json.createObjectNode();
        n.put("format", FORMAT);
        n.put("id", e.id());
        ExperimentSpec s = e.spec();
        ObjectNode spec = n.putObject("spec");
        spec.put("model", s.model());
        spec.put("candidateVersion", s.candidateVersion());
        spec.put("percent", s.percent());
        spec.put("metric", s.metric().wireName());
        ArrayNode guardrails = spec.putArray("guardrails");
        s.guardrails().stream().sorted().forEach(g -> guardrails.add(g.wireName()));
        spec.put("alpha", s.alpha());
        spec.put("minSamples", s.minSamples());
        if (s.maxDuration() != null) {
            spec.put("maxDuration", s.maxDuration().toString());
        }
        spec.put("maxImpressions", s.maxImpressions());
        spec.put("expectedLift", s.expectedLift());
        n.put("controlVersion", e.controlVersion());
        n.put("tau2", e.tau2());
        counts(n.putObject("controlBaseline"), e.controlBaseline());
        counts(n.putObject("candidateBaseline"), e.candidateBaseline());
        counts(n.putObject("control"), e.control());
        counts(n.putObject("candidate"), e.candidate());
        ObjectNode test = n.putObject("test");
        test.put("pValue", e.test().pValue());
        test.put("low", e.test().low());
        test.put("high", e.test().high());
        n.put("state", e.state().name());
        n.put("reason", e.reason());
        n.put("startedAt", e.startedAt().toString());
        n.put("updatedAt", e.updatedAt().toString());
        if (e.endedAt() != null) {
            n.put("endedAt", e.endedAt().toString());
        }
        return n;
    }

    private static void counts(ObjectNode n, Counts c) {
        n.put("impressions", c.impressions());
        n.put("successes", c.successes());
    }

    private static Experiment fromJson(JsonNode n) throws IOException {
        if (n.path("format").asInt() != FORMAT) {
            throw new IOException("unknown format " + n.path("format"));
        }
        JsonNode s = n.required("spec");
        Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        s.required("guardrails").forEach(g -> guardrails.add(Guardrail.fromWireName(g.asText())));
        ExperimentSpec spec = new ExperimentSpec(s.required("model").asText(), s.required("candidateVersion").asText(),
                s.required("percent").asDouble(), ExperimentMetric.fromWireName(s.required("metric").asText()),
                guardrails, s.required("alpha").asDouble(), s.required("minSamples").asLong(),
                s.hasNonNull("maxDuration") ? Duration.parse(s.get("maxDuration").asText()) : null,
                s.required("maxImpressions").asLong(), s.required("expectedLift").asDouble());
        JsonNode t = n.required("test");
        return new Experiment(n.required("id").asText(), spec, n.required("controlVersion").asText(),
                n.required("tau2").asDouble(), counts(n.required("controlBaseline")),
                counts(n.required("candidateBaseline")), counts(n.required("control")),
                counts(n.required("candidate")), new Msprt.Running(t.required("pValue").asDouble(),
                        t.required("low").asDouble(), t.required("high").asDouble()),
                ExperimentState.valueOf(n.required("state").asText()), n.required("reason").asText(),
                Instant.parse(n.required("startedAt").asText()), Instant.parse(n.required("updatedAt").asText()),
                n.hasNonNull("endedAt") ? Instant.parse(n.get("endedAt").asText()) : null);
    }

    private static Counts counts(JsonNode n) {
        return new Counts(n.required("impressions").asLong(), n.required("successes").asLong());
    }
}
