package io.merx.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.runtime.cluster.ConcurrentChangeException;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * Turns what went wrong into an HTTP status and a JSON body {@code {"error": ..., "field": ..., "status": ...}}.
 * The runtime's exceptions carry messages written for users and name the field at fault; anything unexpected
 * becomes a 500 whose body holds only an incident id, with the stack trace in the server log.
 */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final Pattern FIELD = Pattern.compile("(?:field|column|parameter) '([^']{1,100})'");

    private Errors() {
    }

    /** The API error for an exception thrown while handling a request. */
    static ApiException map(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof ConcurrentChangeException) {
            // another operator changed the model meanwhile, perhaps on another node: look again, then retry
            return new ApiException(409, e.getMessage(), null, false);
        }
        if (e instanceof SharedStateUnavailableException) {
            // a cluster's database is down: this node still scores, but changes must wait for it
            return ApiException.busy(503, "the cluster's shared state is unavailable: " + e.getMessage());
        }
        if (e instanceof ModelNotFoundException) {
            return ApiException.notFound(e.getMessage());
        }
        if (e instanceof ModelUnavailableException) {
            return ApiException.busy(503, e.getMessage());
        }
        if (e instanceof ModelLoadException) {
            return new ApiException(422, "the version could not be loaded: " + e.getMessage(), null, false);
        }
        if (e instanceof ScoringException) {
            return new ApiException(422, "scoring failed: " + e.getMessage(), null, false);
        }
        if (e instanceof IllegalArgumentException) {
            return ApiException.badRequest(e.getMessage(), field(e.getMessage()));
        }
        if (e instanceof IllegalStateException) {
            return new ApiException(409, e.getMessage(), null, false);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure of a REST request, incident {}", incident, e);
        return new ApiException(500, "internal error; the server log has the details under incident " + incident,
                null, false);
    }

    /** The field an API message names, e.g. {@code sqm} in "missing required field 'sqm' (number)". */
    static String field(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = FIELD.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    static Map<String, Object> body(ApiException e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", e.getMessage() == null ? "error" : e.getMessage());
        json.put("field", e.field());
        json.put("status", e.status());
        return json;
    }

    /** Writes the error unless the answer has started; a client that went away gets nothing. */
    static void send(Exchange exchange, ApiException e) {
        HttpServletResponse response = exchange.response;
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            // A script's request (the console's) gets no challenge: the browser would answer it with its own
            // Basic login prompt instead of letting the page show its login form.
            if (e.status() == 401 && exchange.request.getHeader("X-Requested-With") == null) {
                response.setHeader("WWW-Authenticate", Authenticator.challenge());
            }
            if (e.retry()) {
                response.setHeader("Retry-After", Integer.toString(exchange.core.settings().retryAfterSeconds()));
            }
            // A body too large to read (413), or not read to its end, closes the connection after this answer.
            if (e.status() == 413 || !exchange.drainBody()) {
                response.setHeader("Connection", "close");
            }
            exchange.send(e.status(), body(e));
        } catch (IOException | IllegalStateException ignored) {
            // the client closed the connection
        }
    }
}
