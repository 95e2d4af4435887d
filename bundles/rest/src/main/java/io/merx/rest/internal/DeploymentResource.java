package io.merx.rest.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;

/**
 * Steering traffic: activate, roll back, aliases, canary and shadow; each answers the model's new state. The nodes of
 * a cluster are at {@code GET /cluster}; {@code activate?wait=<seconds>} answers once every node serves the version.
 */
final class DeploymentResource {

    private static final int MAX_WAIT_SECONDS = 600;

    private final RestCore core;

    private DeploymentResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        DeploymentResource r = new DeploymentResource(core);
        router.add("POST", "/models/{name}/activate", Role.OPERATOR, r::activate)
                .add("POST", "/models/{name}/rollback", Role.OPERATOR, r::rollback)
                .add("PUT", "/models/{name}/aliases/{alias}", Role.OPERATOR, r::setAlias)
                .add("DELETE", "/models/{name}/aliases/{alias}", Role.OPERATOR, r::removeAlias)
                .add("PUT", "/models/{name}/canary", Role.OPERATOR, r::setCanary)
                .add("DELETE", "/models/{name}/canary", Role.OPERATOR, r::clearCanary)
                .add("GET", "/models/{name}/shadow", Role.VIEWER, r::shadowReport)
                .add("PUT", "/models/{name}/shadow", Role.OPERATOR, r::setShadow)
                .add("DELETE", "/models/{name}/shadow", Role.OPERATOR, r::clearShadow)
                .add("GET", "/cluster", Role.VIEWER, r::cluster);
    }

    private void cluster(Exchange exchange, List<String> path) throws Exception {
        exchange.send(200, Views.nodes(core.runtime().clusterNodes()));
    }

    private void activate(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String version = version(exchange);
        Duration wait = waitSeconds(exchange);
        ModelVersionInfo info = core.runtime().activate(name, version);
        Map<String, Object> body = Views.version(info);
        if (wait != null) {
            List<ClusterNode> nodes = core.runtime().awaitConverged(name, wait);
            body.put("converged", nodes.stream().allMatch(n -> n.upToDate(name)));
            body.put("nodes", nodes.stream().map(Views::node).toList());
        }
        done(exchange, name, "activate", body);
    }

    private void rollback(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        ModelVersionInfo info = core.runtime().rollback(name);
        done(exchange, name, "rollback", Views.version(info));
    }

    private void setAlias(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        String alias = PathNames.versionOrAlias(path.get(1), "alias");
        core.runtime().setAlias(name, alias, version(exchange));
        done(exchange, name, "alias", summary(name));
    }

    private void removeAlias(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        core.runtime().removeAlias(name, PathNames.versionOrAlias(path.get(1), "alias"));
        done(exchange, name, "alias", summary(name));
    }

    private void setCanary(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        JsonNode body = JsonCodec.object(exchange.json());
        String version = PathNames.versionOrAlias(JsonCodec.text(body, "version"), "version");
        JsonNode percent = body.get("percent");
        if (percent == null || !percent.isNumber()) {
            throw ApiException.badRequest("field 'percent' must be a number in (0, 100], got "
                    + JsonCodec.describe(percent), "percent");
        }
        double share = percent.doubleValue();
        if (!(share > 0 && share <= 100)) {
            throw ApiException.badRequest("field 'percent' must be in (0, 100], got " + percent.asText(), "percent");
        }
        core.runtime().setCanary(name, version, share);
        done(exchange, name, "canary", summary(name));
    }

    private void clearCanary(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        core.runtime().clearCanary(name);
        done(exchange, name, "canary", summary(name));
    }

    private void shadowReport(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        exchange.send(200, Views.shadow(core.runtime().shadowReport(name)));
    }

    private void setShadow(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        core.runtime().setShadow(name, version(exchange));
        done(exchange, name, "shadow", summary(name));
    }

    private void clearShadow(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        core.runtime().clearShadow(name);
        done(exchange, name, "shadow", summary(name));
    }

    /** The {@code wait} query parameter: how long to wait for every node of a cluster, or null. */
    private static Duration waitSeconds(Exchange exchange) throws ApiException {
        String wait = exchange.query("wait");
        if (wait == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(wait.trim());
            if (seconds >= 1 && seconds <= MAX_WAIT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("parameter 'wait' must be whole seconds from 1 to " + MAX_WAIT_SECONDS
                + ", got '" + (wait.length() > 20 ? wait.substring(0, 20) + "..." : wait) + "'", "wait");
    }

    /** The {@code version} field of the JSON body. */
    private static String version(Exchange exchange) throws Exception {
        JsonNode body = JsonCodec.object(exchange.json());
        return PathNames.versionOrAlias(JsonCodec.text(body, "version"), "version");
    }

    private Map<String, Object> summary(String name) {
        for (ModelSummary model : core.runtime().models()) {
            if (model.name().equals(name)) {
                return Views.summary(model);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        return json;
    }

    private void done(Exchange exchange, String name, String operation, Map<String, Object> body) throws Exception {
        ModelRuntime runtime = core.runtime();
        core.metrics().deployed(name, operation, runtime);
        exchange.send(200, body);
    }
}
