package io.merx.rest.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.events.Event;
import io.merx.api.events.EventService;
import io.merx.api.events.EventType;
import io.merx.api.events.IngestResult;
import io.merx.api.events.InvalidEventException;
import io.merx.api.events.Proportion;
import io.merx.api.events.VersionMetrics;
import io.merx.api.runtime.ModelNotFoundException;

/**
 * {@code POST /api/v1/events} (a batch, all or nothing), {@code GET /api/v1/events/export} (the stored events as
 * a training CSV) and {@code GET /api/v1/models/{name}/metrics} (online metrics per version and route). Answers
 * 503 while the events bundle is not installed.
 */
final class EventsResource {

    /** Turns an event's JSON object into the plain map {@link Event#fromJson} checks; no coercion happens here. */
    private static final ObjectMapper FIELDS = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELD_MAP = new TypeReference<>() { };

    private final RestCore core;

    private EventsResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        EventsResource resource = new EventsResource(core);
        router.add("POST", "/events", Role.SCORER, resource::ingest)
                .add("GET", "/events", Role.VIEWER, resource::history)
                .add("GET", "/events/export", Role.OPERATOR, resource::export)
                .add("GET", "/models/{name}/metrics", Role.VIEWER, resource::metrics);
    }

    private EventService events() throws ApiException {
        EventService events = core.events();
        if (events == null) {
            throw new ApiException(503, "events are not installed here (feature merx-events)", null, false);
        }
        return events;
    }

    private void ingest(Exchange exchange, List<String> path) throws Exception {
        EventService events = events();
        List<Event> batch = parse(exchange.json());
        IngestResult result;
        try {
            result = events.ingest(batch);
        } catch (IOException e) {
            throw ApiException.busy(503, "the event log could not store the batch, so none of it was counted;"
                    + " send it again (" + e.getMessage() + ")");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accepted", result.accepted());
        json.put("duplicates", result.duplicates());
        json.put("attributed", result.attributed());
        exchange.send(200, json);
    }

    /** The events of {@code {"events": [...]}} or of a bare array; the first bad field fails the whole batch. */
    List<Event> parse(JsonNode body) throws ApiException {
        JsonNode array = body;
        if (body.isObject()) {
            JsonCodec.onlyFields(body, List.of("events"), "an events body");
            array = body.get("events");
            if (array == null) {
                throw ApiException.badRequest("missing required field 'events' (an array of events)", "events");
            }
        }
        if (!array.isArray()) {
            throw ApiException.badRequest("field 'events' must be an array of events, got "
                    + JsonCodec.describe(array), "events");
        }
        if (array.isEmpty()) {
            throw ApiException.badRequest("field 'events' is empty", "events");
        }
        int max = core.settings().maxBatchSize();
        if (array.size() > max) {
            throw ApiException.tooLarge("batch of " + array.size() + " events exceeds the limit of " + max, "events");
        }
        List<Event> batch = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            batch.add(event(array.get(i), "events[" + i + "]"));
        }
        return batch;
    }

    private static Event event(JsonNode node, String at) throws ApiException {
        if (!node.isObject()) {
            throw ApiException.badRequest(at + " must be an object, got " + JsonCodec.describe(node), at);
        }
        try {
            // The same rules as every other way in (the Kafka consumer): Event.fromJson holds them.
            return Event.fromJson(FIELDS.convertValue(node, FIELD_MAP));
        } catch (InvalidEventException e) {
            throw ApiException.badRequest(at + "." + e.getMessage(), at + "." + e.field());
        }
    }

    /** {@code ?types=a,b}: the event types asked for, purchases when none. */
    private static Set<EventType> types(Exchange exchange) throws ApiException {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        String requested = exchange.query("types");
        for (String name : (requested == null ? "purchase" : requested).split(",")) {
            try {
                types.add(EventType.fromWireName(name.trim()));
            } catch (InvalidEventException e) {
                throw ApiException.badRequest("query parameter 'types' " + e.getMessage().substring("type ".length()),
                        "types");
            }
        }
        return types;
    }

    /** {@code GET /events?user=u[&types=purchase,click][&limit=20]}: one user's latest events, newest first. */
    private void history(Exchange exchange, List<String> path) throws Exception {
        EventService events = events();
        String user = exchange.query("user");
        if (user == null || user.isBlank()) {
            throw ApiException.badRequest("missing query parameter 'user'", "user");
        }
        String limitText = exchange.query("limit");
        int limit;
        try {
            limit = limitText == null ? 20 : Integer.parseInt(limitText.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter 'limit' must be a whole number, got '" + limitText + "'",
                    "limit");
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("query parameter 'limit' must be between 1 and 1000, got " + limit, "limit");
        }
        List<Object> found = new ArrayList<>();
        for (Event e : events.history(user, types(exchange), limit)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", e.id());
            json.put("type", e.type().wireName());
            json.put("item", e.item());
            json.put("value", e.value());
            json.put("timestamp", e.timestamp().toString());
            found.add(json);
        }
        exchange.send(200, Map.of("user", user, "events", found));
    }

    private void export(Exchange exchange, List<String> path) throws Exception {
        EventService events = events();
        Set<EventType> types = types(exchange);
        exchange.response.setStatus(200);
        exchange.response.setContentType("text/csv; charset=utf-8");
        Writer out = new OutputStreamWriter(exchange.response.getOutputStream(), StandardCharsets.UTF_8);
        events.exportCsv(types, out);
        out.flush();
    }

    private void metrics(Exchange exchange, List<String> path) throws Exception {
        String model = PathNames.model(path.get(0));
        EventService events = events();
        if (core.runtime().models().stream().noneMatch(m -> m.name().equals(model))) {
            throw Errors.map(new ModelNotFoundException("no model '" + model + "'"));
        }
        List<Object> versions = new ArrayList<>();
        for (VersionMetrics m : events.metrics(model)) {
            versions.add(view(m));
        }
        exchange.send(200, Map.of("model", model, "versions", versions));
    }

    static Map<String, Object> view(VersionMetrics m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", m.version());
        json.put("route", m.route());
        json.put("impressions", m.impressions());
        json.put("views", m.views());
        json.put("clicks", m.clicks());
        json.put("addToCarts", m.addToCarts());
        json.put("conversions", m.conversions());
        json.put("revenue", m.revenue());
        json.put("ctr", rate(m.ctr()));
        json.put("conversionRate", rate(m.conversionRate()));
        return json;
    }

    private static Map<String, Object> rate(Proportion p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", p.rate());
        json.put("low", p.low());
        json.put("high", p.high());
        return json;
    }
}
