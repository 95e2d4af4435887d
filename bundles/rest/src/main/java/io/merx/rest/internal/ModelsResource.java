package io.merx.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;

/** Reading models, versions, their recent traffic and kinds, and deleting versions. */
final class ModelsResource {

    private final RestCore core;

    private ModelsResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        ModelsResource r = new ModelsResource(core);
        router.add("GET", "/kinds", Role.VIEWER, r::kinds)
                .add("GET", "/models", Role.VIEWER, r::models)
                .add("GET", "/models/{name}", Role.VIEWER, r::model)
                .add("GET", "/models/{name}/versions", Role.VIEWER, r::versions)
                .add("GET", "/models/{name}/versions/{version}", Role.VIEWER, r::version)
                .add("GET", "/models/{name}/versions/{version}/traffic", Role.VIEWER, r::traffic)
                .add("DELETE", "/models/{name}/versions/{version}", Role.ADMIN, r::delete);
    }

    private void kinds(Exchange exchange, List<String> path) throws Exception {
        List<Object> kinds = new ArrayList<>();
        for (KindInfo kind : core.runtime().kinds()) {
            kinds.add(Views.kind(kind));
        }
        exchange.send(200, Map.of("kinds", kinds));
    }

    private void models(Exchange exchange, List<String> path) throws Exception {
        List<Object> models = new ArrayList<>();
        for (ModelSummary model : core.runtime().models()) {
            models.add(Views.summary(model));
        }
        exchange.send(200, Map.of("models", models));
    }

    private void model(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        ModelRuntime runtime = core.runtime();
        ModelSummary summary = runtime.models().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException("no model '" + name + "'"));
        Map<String, Object> json = Views.summary(summary);
        json.put("versions", versionViews(runtime.versions(name)));
        exchange.send(200, json);
    }

    private void versions(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        exchange.send(200, Map.of("versions", versionViews(core.runtime().versions(name))));
    }

    private void version(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String version = PathNames.versionOrAlias(path.get(1), "version");
        exchange.send(200, Views.version(core.runtime().info(name, version)));
    }

    /** The version's HTTP scoring traffic over the last hour, per minute. */
    private void traffic(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String version = core.runtime().info(name, PathNames.versionOrAlias(path.get(1), "version")).version();
        List<Object> points = new ArrayList<>(TrafficSeries.MINUTES);
        for (TrafficSeries.Point p : core.metrics().traffic().series(name, version)) {
            Map<String, Object> point = new java.util.LinkedHashMap<>();
            point.put("t", p.epochSecond());
            point.put("requests", p.requests());
            point.put("modelErrors", p.errors());
            point.put("p50Millis", p.p50Millis());
            point.put("p99Millis", p.p99Millis());
            points.add(point);
        }
        exchange.send(200, Map.of("model", name, "version", version, "stepSeconds", TrafficSeries.MINUTE_MILLIS / 1000,
                "points", points));
    }

    private void delete(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String version = PathNames.versionOrAlias(path.get(1), "version");
        ModelVersionInfo info = core.runtime().info(name, version);
        try {
            core.runtime().delete(name, info.version());
        } catch (java.io.IOException e) {
            // the store failed: a server fault, reported with an incident id rather than as a dropped connection
            throw Errors.map(new java.io.UncheckedIOException(e));
        }
        exchange.send(200, Map.of("model", name, "deleted", info.version()));
    }

    private static List<Object> versionViews(List<ModelVersionInfo> versions) {
        List<Object> json = new ArrayList<>(versions.size());
        for (ModelVersionInfo v : versions) {
            json.add(Views.version(v));
        }
        return json;
    }
}
