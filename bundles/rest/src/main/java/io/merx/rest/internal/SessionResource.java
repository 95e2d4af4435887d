package io.merx.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's login: {@code POST /session} checks a user and password against the JAAS realm and opens a
 * session held in an HttpOnly cookie; {@code GET /session} tells the page who is logged in, their roles and the
 * CSRF token it must send with every change; {@code DELETE /session} logs out. The routes are public because they
 * authenticate by themselves.
 */
final class SessionResource {

    private final RestCore core;

    private SessionResource(RestCore core) {
        this.core = core;
    }

    static void register(Router router, RestCore core) {
        SessionResource r = new SessionResource(core);
        router.add("POST", "/session", Role.PUBLIC, r::login)
                .add("GET", "/session", Role.PUBLIC, r::current)
                .add("DELETE", "/session", Role.PUBLIC, r::logout);
    }

    private void login(Exchange exchange, List<String> path) throws Exception {
        // Exchange.json() refuses other content types, so a cross-site HTML form cannot post a login.
        JsonNode body = exchange.json();
        String user = text(body, "user");
        String password = text(body, "password");
        Caller caller = core.authenticator().login(user, password);
        Sessions.Session session = core.sessions().open(caller);
        exchange.response.addHeader("Set-Cookie", core.sessions().setCookie(session, exchange.request.isSecure()));
        exchange.response.setHeader("Cache-Control", "no-store");
        exchange.send(200, view(session));
    }

    private void current(Exchange exchange, List<String> path) throws Exception {
        exchange.response.setHeader("Cache-Control", "no-store");
        exchange.send(200, view(required(exchange)));
    }

    private void logout(Exchange exchange, List<String> path) throws Exception {
        Sessions.Session session = required(exchange);
        Sessions.checkCsrf(session, exchange.request);
        core.sessions().close(session);
        exchange.response.addHeader("Set-Cookie", Sessions.clearCookie(exchange.request.isSecure()));
        exchange.send(200, Map.of("user", session.caller().user(), "loggedOut", true));
    }

    private Sessions.Session required(Exchange exchange) throws ApiException {
        Sessions.Session session = core.sessions().of(exchange.request);
        if (session == null) {
            throw new ApiException(401, "not logged in to the console", null, false);
        }
        return session;
    }

    private static String text(JsonNode body, String field) throws ApiException {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ApiException.badRequest("field '" + field + "' is required and must be a non-empty string", field);
        }
        return value.asText();
    }

    private static Map<String, Object> view(Sessions.Session session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", session.caller().user());
        json.put("roles", new TreeSet<>(session.caller().roles()));
        json.put("operator", session.caller().may(Role.OPERATOR));
        json.put("scorer", session.caller().may(Role.SCORER));
        json.put("csrfToken", session.csrfToken());
        return json;
    }
}
