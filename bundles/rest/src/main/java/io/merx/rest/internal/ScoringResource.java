package io.merx.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;

/**
 * {@code POST /api/v1/models/{name}/score[?version=]}: one request {@code {"inputs": {...}, "key": "user-1"}}
 * or a batch {@code {"instances": [{...}, ...], "key": "user-1"}} scored by one version in one call.
 */
final class ScoringResource {

    static final String ENDPOINT = "score";
    private static final List<String> BODY_FIELDS = List.of("inputs", "instances", "key");

    private final RestCore core;

    private ScoringResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        ScoringResource resource = new ScoringResource(core);
        router.add("POST", "/models/{name}/score", Role.SCORER, resource::score);
    }

    private void score(Exchange exchange, List<String> path) throws Exception {
        long start = System.nanoTime();
        String model = PathNames.model(path.get(0));
        try {
            String target = exchange.query("version");
            String version = target == null ? ModelRuntime.LIVE : PathNames.versionOrAlias(target, "version");
            JsonNode body = JsonCodec.object(exchange.json());
            JsonCodec.onlyFields(body, BODY_FIELDS, "a score body");
            String key = JsonCodec.optionalText(body, "key");
            JsonNode inputs = body.get("inputs");
            JsonNode instances = body.get("instances");
            if ((inputs == null) == (instances == null)) {
                throw ApiException.badRequest("send either 'inputs' (one object) or 'instances' (an array of"
                        + " objects)", inputs == null ? "inputs" : "instances");
            }
            ModelRuntime runtime = core.runtime();
            Duration timeout = core.requestTimeout(model);
            if (inputs != null) {
                ScoreRequest request = new ScoreRequest(key, JsonCodec.toInputs(inputs, "inputs"));
                ScoreResponse response = core.gate().run(model, timeout, c -> runtime.score(model, version, request));
                core.metrics().answered(model, response.version(), ENDPOINT, System.nanoTime() - start);
                String requestId = Attribution.newRequestId();
                Attribution.served(exchange, requestId, key, List.of(response));
                exchange.send(200, Views.score(response, requestId));
                return;
            }
            List<ScoreRequest> requests = batch(instances, key);
            BatchScoring.requireFits(runtime, model, version, requests.size(), timeout, "instances");
            List<ScoreResponse> responses = core.gate().run(model, timeout,
                    c -> BatchScoring.score(runtime, model, version, requests, c));
            String answeredBy = responses.isEmpty() ? "" : responses.get(0).version();
            core.metrics().answered(model, answeredBy, ENDPOINT, System.nanoTime() - start);
            String requestId = Attribution.newRequestId();
            Attribution.served(exchange, requestId, key, responses);
            exchange.send(200, batchBody(model, responses, requestId));
        } catch (java.io.IOException e) {
            throw e; // the connection, not the request, failed
        } catch (Exception e) {
            ApiException api = Errors.map(e);
            core.metrics().failed(e instanceof ModelNotFoundException ? RestMetrics.UNKNOWN_MODEL : model, ENDPOINT,
                    api.status());
            throw api;
        }
    }

    private List<ScoreRequest> batch(JsonNode instances, String key) throws ApiException {
        if (!instances.isArray()) {
            throw ApiException.badRequest("field 'instances' must be an array of input objects, got "
                    + JsonCodec.describe(instances), "instances");
        }
        int max = core.settings().maxBatchSize();
        if (instances.size() > max) {
            throw ApiException.tooLarge("batch of " + instances.size() + " instances exceeds the limit of " + max,
                    "instances");
        }
        if (instances.isEmpty()) {
            throw ApiException.badRequest("field 'instances' is empty", "instances");
        }
        List<ScoreRequest> requests = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            requests.add(new ScoreRequest(key, JsonCodec.toInputs(instances.get(i), "instances[" + i + "]")));
        }
        return requests;
    }

    private static Map<String, Object> batchBody(String model, List<ScoreResponse> responses, String requestId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("version", responses.get(0).version());
        json.put("route", responses.get(0).route());
        json.put("requestId", requestId);
        List<Object> predictions = new ArrayList<>(responses.size());
        for (ScoreResponse response : responses) {
            predictions.add(response.result().outputs());
        }
        json.put("predictions", predictions);
        return json;
    }
}
