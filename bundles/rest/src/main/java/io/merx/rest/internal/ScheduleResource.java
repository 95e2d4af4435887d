package io.merx.rest.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.events.EventType;
import io.merx.api.events.InvalidEventException;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;
import io.merx.api.schedule.RetrainScheduler;

/**
 * {@code PUT/GET/DELETE /api/v1/models/{name}/schedule} (a model's retrain schedule, with its last reports) and
 * {@code POST /api/v1/models/{name}/schedule/run} (retrain now, answering with the report). Answers 503 while the
 * schedule bundle is not installed.
 */
final class ScheduleResource {

    private static final List<String> FIELDS = List.of("cron", "eventTypes", "holdoutFraction", "tolerance");

    private final RestCore core;

    private ScheduleResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        ScheduleResource resource = new ScheduleResource(core);
        router.add("PUT", "/models/{name}/schedule", Role.OPERATOR, resource::put)
                .add("GET", "/models/{name}/schedule", Role.VIEWER, resource::get)
                .add("DELETE", "/models/{name}/schedule", Role.OPERATOR, resource::delete)
                .add("POST", "/models/{name}/schedule/run", Role.OPERATOR, resource::run);
    }

    private RetrainScheduler scheduler() throws ApiException {
        RetrainScheduler scheduler = core.scheduler();
        if (scheduler == null) {
            throw new ApiException(503, "scheduled retrain is not installed here (feature merx-schedule)", null,
                    false);
        }
        return scheduler;
    }

    private void put(Exchange exchange, List<String> path) throws Exception {
        RetrainScheduler scheduler = scheduler();
        String name = PathNames.model(path.get(0));
        RetrainSchedule schedule = parse(name, exchange.json());
        scheduler.schedule(schedule);
        exchange.send(200, view(scheduler, schedule));
    }

    /** A schedule from {@code {"cron", "eventTypes", "holdoutFraction", "tolerance"}}; only cron is required. */
    static RetrainSchedule parse(String model, JsonNode body) throws ApiException {
        if (!body.isObject()) {
            throw ApiException.badRequest("a schedule must be an object, got " + JsonCodec.describe(body), null);
        }
        JsonCodec.onlyFields(body, FIELDS, "a schedule");
        JsonNode cron = body.get("cron");
        if (cron == null || !cron.isTextual()) {
            throw ApiException.badRequest("field 'cron' is required: a string of five fields, e.g. \"0 3 * * *\"",
                    "cron");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        JsonNode typeList = body.get("eventTypes");
        if (typeList == null) {
            types.addAll(RetrainSchedule.DEFAULT_EVENT_TYPES);
        } else if (!typeList.isArray()) {
            throw ApiException.badRequest("field 'eventTypes' must be an array of event types, got "
                    + JsonCodec.describe(typeList), "eventTypes");
        } else {
            for (JsonNode type : typeList) {
                try {
                    types.add(EventType.fromWireName(type.isTextual() ? type.asText() : type.toString()));
                } catch (InvalidEventException e) {
                    throw ApiException.badRequest("field 'eventTypes': " + e.getMessage(), "eventTypes");
                }
            }
        }
        double holdout = number(body, "holdoutFraction", RetrainSchedule.DEFAULT_HOLDOUT_FRACTION);
        double tolerance = number(body, "tolerance", RetrainSchedule.DEFAULT_TOLERANCE);
        try {
            return new RetrainSchedule(model, cron.asText(), types, holdout, tolerance);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), Errors.field(e.getMessage()));
        }
    }

    private static double number(JsonNode body, String field, double fallback) throws ApiException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest("field '" + field + "' must be a number, got " + JsonCodec.describe(value),
                    field);
        }
        return value.doubleValue();
    }

    private void get(Exchange exchange, List<String> path) throws Exception {
        RetrainScheduler scheduler = scheduler();
        String name = PathNames.model(path.get(0));
        RetrainSchedule schedule = scheduler.schedule(name)
                .orElseThrow(() -> ApiException.notFound("model '" + name + "' has no retrain schedule"));
        Map<String, Object> json = view(scheduler, schedule);
        json.put("reports", scheduler.reports(name).stream().map(ScheduleResource::view).toList());
        exchange.send(200, json);
    }

    private void delete(Exchange exchange, List<String> path) throws Exception {
        String name = PathNames.model(path.get(0));
        if (!scheduler().unschedule(name)) {
            throw ApiException.notFound("model '" + name + "' has no retrain schedule");
        }
        exchange.send(200, Map.of("model", name, "removed", true));
    }

    private void run(Exchange exchange, List<String> path) throws Exception {
        RetrainScheduler scheduler = scheduler();
        String name = PathNames.model(path.get(0));
        if (scheduler.schedule(name).isEmpty()) {
            throw ApiException.notFound("model '" + name + "' has no retrain schedule");
        }
        exchange.send(200, view(scheduler.runNow(name)));
    }

    private static Map<String, Object> view(RetrainScheduler scheduler, RetrainSchedule schedule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", schedule.model());
        json.put("cron", schedule.cron());
        json.put("eventTypes", EnumSet.copyOf(schedule.eventTypes()).stream().map(EventType::wireName).toList());
        json.put("holdoutFraction", schedule.holdoutFraction());
        json.put("tolerance", schedule.tolerance());
        json.put("nextRun", scheduler.nextRun(schedule.model()).map(Object::toString).orElse(null));
        return json;
    }

    static Map<String, Object> view(RetrainReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", report.model());
        json.put("startedAt", report.startedAt().toString());
        json.put("finishedAt", report.finishedAt().toString());
        json.put("outcome", report.outcome().name());
        json.put("liveVersion", report.liveVersion());
        json.put("candidateVersion", report.candidateVersion());
        json.put("metric", report.metric());
        json.put("candidateValue", measured(report.candidateValue()));
        json.put("liveValue", measured(report.liveValue()));
        json.put("candidateRecall", measured(report.candidateRecall()));
        json.put("liveRecall", measured(report.liveRecall()));
        json.put("trainEvents", report.trainEvents());
        json.put("heldOutEvents", report.heldOutEvents());
        json.put("evaluatedUsers", report.evaluatedUsers());
        json.put("trainedUntil", report.trainedUntil() == null ? null : report.trainedUntil().toString());
        json.put("reason", report.reason());
        return json;
    }

    /** Not measured (NaN) is null: JSON has no NaN. */
    private static Double measured(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
