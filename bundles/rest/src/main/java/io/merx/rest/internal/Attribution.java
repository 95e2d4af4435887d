package io.merx.rest.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.merx.api.events.EventService;
import io.merx.api.events.Impression;
import io.merx.api.runtime.ScoreResponse;

/**
 * Gives every score response a request id (in the body and the {@value #HEADER} header) and, when the events
 * bundle is there, tells it what was served, so events can be attributed to the version and route that served.
 * An id is a random prefix chosen at start and a counter, unique across restarts and nodes without a lock.
 */
final class Attribution {

    static final String HEADER = "X-Merx-Request-Id";
    /** Items remembered per response: the first ones of a longer list. */
    static final int MAX_ITEMS = 1000;

    private static final String PREFIX = String.format("%016x", new SecureRandom().nextLong());
    private static final AtomicLong COUNTER = new AtomicLong();

    private Attribution() {
    }

    static String newRequestId() {
        return PREFIX + "-" + Long.toHexString(COUNTER.incrementAndGet());
    }

    /** Puts the id in the header and reports the responses as one impression of the user {@code key}. */
    static void served(Exchange exchange, String requestId, String key, List<ScoreResponse> responses) {
        exchange.response.setHeader(HEADER, requestId);
        EventService events = exchange.core.events();
        if (events == null || responses.isEmpty()) {
            return;
        }
        ScoreResponse first = responses.get(0);
        List<String> items = new ArrayList<>();
        for (ScoreResponse response : responses) {
            items(response.result().outputs().get("items"), items);
        }
        events.served(new Impression(requestId, first.model(), first.version(), first.route(), key, items,
                Instant.now()));
    }

    /** The ids of an {@code items} output: strings, or objects with an {@code item} field (recommendation). */
    private static void items(Object output, List<String> into) {
        if (!(output instanceof List<?> list)) {
            return;
        }
        for (Object element : list) {
            if (into.size() >= MAX_ITEMS) {
                return;
            }
            if (element instanceof String id) {
                into.add(id);
            } else if (element instanceof Map<?, ?> map && map.get("item") instanceof String id) {
                into.add(id);
            }
        }
    }
}
