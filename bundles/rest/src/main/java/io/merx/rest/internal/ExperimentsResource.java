package io.merx.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.experiments.ArmReport;
import io.merx.api.experiments.ExperimentMetric;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentService;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.Guardrail;

/**
 * A/B experiments of a model: start ({@code POST /models/{name}/experiments}), list with reports, one report, and
 * stop. Answers 503 while the experiments bundle is not installed.
 */
final class ExperimentsResource {

    private static final List<String> START_FIELDS = List.of("version", "percent", "metric", "guardrails", "alpha",
            "minSamples", "maxDurationSeconds", "maxImpressions", "expectedLift");

    private final RestCore core;

    private ExperimentsResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        ExperimentsResource r = new ExperimentsResource(core);
        router.add("POST", "/models/{name}/experiments", Role.OPERATOR, r::start)
                .add("GET", "/models/{name}/experiments", Role.VIEWER, r::list)
                .add("GET", "/models/{name}/experiments/{id}", Role.VIEWER, r::get)
                .add("POST", "/models/{name}/experiments/{id}/stop", Role.OPERATOR, r::stop);
    }

    private ExperimentService experiments() throws ApiException {
        ExperimentService experiments = core.experiments();
        if (experiments == null) {
            throw new ApiException(503, "experiments are not installed here (feature merx-experiments)", null, false);
        }
        return experiments;
    }

    private void start(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        ExperimentService experiments = experiments();
        ExperimentSpec spec = spec(model, JsonCodec.object(exchange.json()));
        exchange.send(201, view(experiments.start(spec)));
    }

    /** The spec from a start body; every field but {@code version} optional, unknown ones refused. */
    static ExperimentSpec spec(String model, JsonNode body) throws ApiException {
        JsonCodec.onlyFields(body, START_FIELDS, "an experiment");
        ExperimentSpec.Builder b = ExperimentSpec.builder(model,
                PathNames.versionOrAlias(JsonCodec.text(body, "version"), "version"));
        try {
            if (body.hasNonNull("percent")) {
                b.percent(number(body, "percent"));
            }
            if (body.hasNonNull("metric")) {
                b.metric(ExperimentMetric.fromWireName(JsonCodec.text(body, "metric")));
            }
            for (Guardrail g : guardrails(body)) {
                b.guardrail(g);
            }
            if (body.hasNonNull("alpha")) {
                b.alpha(number(body, "alpha"));
            }
            if (body.hasNonNull("minSamples")) {
                b.minSamples(whole(body, "minSamples"));
            }
            if (body.hasNonNull("maxDurationSeconds")) {
                b.maxDuration(Duration.ofSeconds(whole(body, "maxDurationSeconds")));
            }
            if (body.hasNonNull("maxImpressions")) {
                b.maxImpressions(whole(body, "maxImpressions"));
            }
            if (body.hasNonNull("expectedLift")) {
                b.expectedLift(number(body, "expectedLift"));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            // the spec's messages start with the field they are about
            String field = e.getMessage().split(" ", 2)[0];
            throw ApiException.badRequest(e.getMessage(), "maxDuration".equals(field) ? "maxDurationSeconds"
                    : field);
        }
    }

    private static Set<Guardrail> guardrails(JsonNode body) throws ApiException {
        Set<Guardrail> guardrails = EnumSet.noneOf(Guardrail.class);
        JsonNode node = body.get("guardrails");
        if (node == null || node.isNull()) {
            return guardrails;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("field 'guardrails' must be an array of names (" + Guardrail.NAMES
                    + "), got " + JsonCodec.describe(node), "guardrails");
        }
        for (JsonNode g : node) {
            if (!g.isTextual()) {
                throw ApiException.badRequest("field 'guardrails' must hold names, got " + JsonCodec.describe(g),
                        "guardrails");
            }
            guardrails.add(Guardrail.fromWireName(g.asText()));
        }
        return guardrails;
    }

    private static double number(JsonNode body, String field) throws ApiException {
        JsonNode node = body.get(field);
        if (!node.isNumber()) {
            throw ApiException.badRequest("field '" + field + "' must be a number, got " + JsonCodec.describe(node),
                    field);
        }
        return node.doubleValue();
    }

    private static long whole(JsonNode body, String field) throws ApiException {
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.badRequest("field '" + field + "' must be a whole number, got "
                    + JsonCodec.describe(node), field);
        }
        return node.longValue();
    }

    private void list(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        List<Object> reports = new ArrayList<>();
        for (ExperimentReport r : experiments().list(model)) {
            reports.add(view(r));
        }
        exchange.send(200, Map.of("model", model, "experiments", reports));
    }

    private void get(Exchange exchange, List<String> path) throws Exception {
        exchange.send(200, view(find(path)));
    }

    private void stop(Exchange exchange, List<String> path) throws Exception {
        ExperimentReport report = find(path);
        exchange.send(200, view(experiments().stop(report.id())));
    }

    /** The experiment the path names, which must belong to the path's model. */
    private ExperimentReport find(List<String> path) throws ApiException {
        String model = PathNames.model(path.get(0));
        String id = path.get(1);
        return experiments().get(id).filter(r -> r.spec().model().equals(model))
                .orElseThrow(() -> ApiException.notFound("model '" + model + "' has no experiment '"
                        + PathNames.printable(id) + "'"));
    }

    static Map<String, Object> view(ExperimentReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("model", r.spec().model());
        json.put("state", r.state().wireName());
        json.put("reason", r.reason());
        json.put("controlVersion", r.controlVersion());
        json.put("candidateVersion", r.spec().candidateVersion());
        json.put("percent", r.spec().percent());
        json.put("metric", r.spec().metric().wireName());
        json.put("guardrails", r.spec().guardrails().stream().sorted().map(Guardrail::wireName).toList());
        json.put("alpha", r.spec().alpha());
        json.put("minSamples", r.spec().minSamples());
        json.put("maxDurationSeconds", r.spec().maxDuration() == null ? null : r.spec().maxDuration().toSeconds());
        json.put("maxImpressions", r.spec().maxImpressions());
        json.put("expectedLift", r.spec().expectedLift());
        json.put("control", arm(r.control()));
        json.put("candidate", arm(r.candidate()));
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("absoluteLift", r.absoluteLift());
        effect.put("relativeLift", r.relativeLift());
        effect.put("low", r.liftLow());
        effect.put("high", r.liftHigh());
        effect.put("level", 1 - r.spec().alpha());
        effect.put("pValue", r.pValue());
        json.put("effect", effect);
        json.put("startedAt", r.startedAt().toString());
        json.put("updatedAt", r.updatedAt().toString());
        json.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        return json;
    }

    private static Map<String, Object> arm(ArmReport a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", a.version());
        json.put("route", a.route());
        json.put("impressions", a.impressions());
        json.put("successes", a.successes());
        json.put("rate", a.rate());
        return json;
    }
}
