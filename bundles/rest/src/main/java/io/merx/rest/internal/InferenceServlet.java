package io.merx.rest.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.merx.api.Provenance;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;

/**
 * The Open Inference Protocol v2 (KServe, Triton, Seldon) under {@code /v2}: health, server and model
 * metadata, readiness and {@code infer}, so existing clients and load balancers work unchanged. Health probes
 * need no credentials; metadata needs merx-viewer or merx-scorer, infer merx-scorer.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/v2/*")
@HttpWhiteboardServletName("merx-inference-v2")
public final class InferenceServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;
    static final String ENDPOINT = "infer";

    @Activate
    public InferenceServlet(@Reference RestCore core) {
        super(core, "/v2");
        router().add("GET", "", Role.PUBLIC, (e, p) -> e.send(200, Map.of("name", "merx",
                        "version", Provenance.currentMerxVersion(), "extensions", List.of())))
                .add("GET", "/health/live", Role.PUBLIC, (e, p) -> e.send(200, Map.of("live", true)))
                .add("GET", "/health/ready", Role.PUBLIC, this::serverReady)
                .add("GET", "/models/{name}", Role.METADATA, (e, p) -> metadata(e, p.get(0), ModelRuntime.LIVE))
                .add("GET", "/models/{name}/versions/{version}", Role.METADATA,
                        (e, p) -> metadata(e, p.get(0), p.get(1)))
                .add("GET", "/models/{name}/ready", Role.METADATA, (e, p) -> ready(e, p.get(0), ModelRuntime.LIVE))
                .add("GET", "/models/{name}/versions/{version}/ready", Role.METADATA,
                        (e, p) -> ready(e, p.get(0), p.get(1)))
                .add("POST", "/models/{name}/infer", Role.SCORER, (e, p) -> infer(e, p.get(0), ModelRuntime.LIVE))
                .add("POST", "/models/{name}/versions/{version}/infer", Role.SCORER,
                        (e, p) -> infer(e, p.get(0), p.get(1)));
    }

    /**
     * Ready only when every live model answers without loading first, so a load balancer sends traffic only to
     * a node that can serve it; 503 otherwise. Names no model: the probe needs no credentials.
     */
    private void serverReady(Exchange exchange, List<String> path) throws Exception {
        boolean ready = core().runtime().ready();
        exchange.send(ready ? 200 : 503, Map.of("ready", ready));
    }

    private void metadata(Exchange exchange, String rawName, String rawVersion) throws Exception {
        String name = PathNames.model(rawName);
        String target = PathNames.versionOrAlias(rawVersion, "version");
        ModelRuntime runtime = core().runtime();
        ModelVersionInfo info = runtime.info(name, target);
        List<String> versions = ModelRuntime.LIVE.equals(rawVersion) ? summary(runtime, name).versions()
                : List.of(info.version());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("versions", versions);
        json.put("platform", "merx:" + info.kind());
        json.put("inputs", InferenceCodec.inputsMetadata(info.inputSchema()));
        json.put("outputs", List.of());
        json.put("parameters", Map.of("version", info.version(), "state", Views.lower(info.state())));
        exchange.send(200, json);
    }

    private static ModelSummary summary(ModelRuntime runtime, String name) throws ModelNotFoundException {
        return runtime.models().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new ModelNotFoundException("no model '" + name + "'"));
    }

    private void ready(Exchange exchange, String rawName, String rawVersion) throws Exception {
        String name = PathNames.model(rawName);
        boolean ready = core().runtime().ready(name, PathNames.versionOrAlias(rawVersion, "version"));
        exchange.send(ready ? 200 : 503, Map.of("name", name, "ready", ready));
    }

    private void infer(Exchange exchange, String rawName, String rawVersion) throws Exception {
        long start = System.nanoTime();
        String model = PathNames.model(rawName);
        try {
            String version = PathNames.versionOrAlias(rawVersion, "version");
            InferenceCodec.Inference inference = InferenceCodec.read(exchange.json(),
                    core().settings().maxBatchSize());
            ModelRuntime runtime = core().runtime();
            List<ScoreRequest> requests = inference.requests();
            Duration timeout = core().requestTimeout(model);
            BatchScoring.requireFits(runtime, model, version, requests.size(), timeout, "inputs");
            List<ScoreResponse> responses = core().gate().run(model, timeout, c -> requests.size() == 1
                    ? List.of(runtime.score(model, version, requests.get(0)))
                    : BatchScoring.score(runtime, model, version, requests, c));
            String requestId = Attribution.newRequestId();
            Map<String, Object> body = InferenceCodec.write(model, inference.id(), responses, inference.outputs(),
                    requestId);
            core().metrics().answered(model, responses.get(0).version(), ENDPOINT, System.nanoTime() - start);
            Attribution.served(exchange, requestId, requests.get(0).key(), responses);
            exchange.send(200, body);
        } catch (java.io.IOException e) {
            throw e; // the connection, not the request, failed
        } catch (Exception e) {
            ApiException api = Errors.map(e);
            core().metrics().failed(e instanceof ModelNotFoundException ? RestMetrics.UNKNOWN_MODEL : model,
                    ENDPOINT, api.status());
            throw api;
        }
    }
}
