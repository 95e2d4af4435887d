package io.merx.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * Training jobs. {@code POST /models/{name}/train} takes either JSON naming a data set on the server (inside
 * the configured dataset directories, so a caller cannot make the server read arbitrary files) or the data set
 * itself as a {@code text/csv} or {@code application/x-ndjson} body with the kind and hyper-parameters in the
 * query. It answers 202 with the job; the job's state and progress are at {@code GET /models/{name}/job}.
 */
final class TrainingResource {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingResource.class);
    static final String PARAM_PREFIX = "param.";

    private final RestCore core;

    private TrainingResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        TrainingResource r = new TrainingResource(core);
        router.add("POST", "/models/{name}/train", Role.OPERATOR, r::train)
                .add("GET", "/models/{name}/job", Role.VIEWER, r::job)
                .add("DELETE", "/models/{name}/job", Role.OPERATOR, r::cancel)
                .add("GET", "/jobs", Role.VIEWER, r::jobs);
    }

    private void train(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        String type = exchange.request.getContentType();
        String mime = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (mime.startsWith(Exchange.JSON)) {
            trainFromServerFile(exchange, model);
        } else if (mime.startsWith("text/csv")) {
            trainFromUpload(exchange, model, ".csv");
        } else if (mime.startsWith("application/x-ndjson") || mime.startsWith("application/jsonl")) {
            trainFromUpload(exchange, model, ".jsonl");
        } else {
            throw new ApiException(415, "unsupported content type '" + type + "': send application/json naming a"
                    + " server-side dataset, or the data as text/csv or application/x-ndjson", "Content-Type", false);
        }
    }

    private void trainFromServerFile(Exchange exchange, String model) throws Exception {
        JsonNode body = JsonCodec.object(exchange.json());
        String kind = JsonCodec.text(body, "kind");
        Path dataset = dataset(JsonCodec.text(body, "dataset"));
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode values = body.get("parameters");
        if (values != null && !values.isNull()) {
            if (!values.isObject()) {
                throw ApiException.badRequest("field 'parameters' must be an object of name: value", "parameters");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw ApiException.badRequest("parameter '" + e.getKey() + "' must be a string, number or"
                            + " boolean", e.getKey());
                }
                parameters.put(e.getKey(), e.getValue().asText());
            }
        }
        boolean activate = flag(body.get("activate"));
        start(exchange, TrainingRequest.builder(model, kind, dataset).parameters(parameters).activate(activate)
                .build(), null);
    }

    private void trainFromUpload(Exchange exchange, String model, String suffix) throws Exception {
        String kind = exchange.query("kind");
        if (kind == null) {
            throw ApiException.badRequest("missing query parameter 'kind'", "kind");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Enumeration<String> names = exchange.request.getParameterNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            if (name.startsWith(PARAM_PREFIX)) {
                parameters.put(name.substring(PARAM_PREFIX.length()), exchange.request.getParameter(name));
            }
        }
        String activate = exchange.query("activate");
        if (activate != null && !activate.equals("true") && !activate.equals("false")) {
            throw ApiException.badRequest("query parameter 'activate' must be true or false", "activate");
        }
        Path upload = exchange.upload(core.uploads(), suffix);
        try {
            start(exchange, TrainingRequest.builder(model, kind, upload).parameters(parameters)
                    .activate("true".equals(activate)).build(), upload);
        } catch (Exception e) {
            Files.deleteIfExists(upload);
            throw e;
        }
    }

    private void start(Exchange exchange, TrainingRequest request, Path upload) throws Exception {
        TrainingJob job = core.runtime().train(request);
        core.metrics().trainingStarted(request.model());
        if (upload != null) {
            core.later(() -> deleteWhenDone(job, upload));
        }
        exchange.response.setHeader("Location",
                exchange.request.getContextPath() + "/api/v1/models/" + request.model() + "/job");
        exchange.send(202, Views.job(job));
    }

    private static void deleteWhenDone(TrainingJob job, Path upload) {
        try {
            while (!job.await(Duration.ofMinutes(1))) {
                // still training
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                LOG.warn("Could not delete uploaded dataset {}: {}", upload, e.getMessage());
            }
        }
    }

    /** Resolves a server-side data set inside the dataset directories, symbolic links included. */
    private Path dataset(String text) throws ApiException {
        List<Path> roots = core.settings().datasetDirectories();
        Path file;
        try {
            Path given = Path.of(text);
            file = (given.isAbsolute() ? given : roots.get(0).resolve(given)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("field 'dataset' is not a valid path: " + e.getReason(), "dataset");
        }
        for (Path root : roots) {
            Path base = root.toAbsolutePath().normalize();
            if (file.startsWith(base) && Files.isRegularFile(file)) {
                try {
                    if (file.toRealPath().startsWith(base.toRealPath())) {
                        return file;
                    }
                } catch (IOException e) {
                    // unreadable: refused below
                }
            }
        }
        // Names no server directory: the operator configured them and a caller need not learn them.
        throw ApiException.badRequest("field 'dataset' must name an existing file inside the dataset directories"
                + " (datasetDirectories of io.merx.rest; a relative path resolves against the first), got '"
                + PathNames.printable(text) + "'", "dataset");
    }

    private static boolean flag(JsonNode node) throws ApiException {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("field 'activate' must be true or false, got " + JsonCodec.describe(node),
                    "activate");
        }
        return node.booleanValue();
    }

    private void job(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        TrainingJob job = core.runtime().job(model)
                .orElseThrow(() -> ApiException.notFound("no training job for model '" + model + "'"));
        exchange.send(200, Views.job(job));
    }

    private void cancel(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        TrainingJob job = core.runtime().job(model)
                .orElseThrow(() -> ApiException.notFound("no training job for model '" + model + "'"));
        job.cancel();
        exchange.send(200, Views.job(job));
    }

    private void jobs(Exchange exchange, List<String> path) throws Exception {
        List<Object> jobs = new ArrayList<>();
        for (TrainingJob job : core.runtime().jobs()) {
            jobs.add(Views.job(job));
        }
        exchange.send(200, Map.of("jobs", jobs));
    }
}
