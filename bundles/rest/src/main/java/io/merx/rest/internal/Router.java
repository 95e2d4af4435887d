package io.merx.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps method and path segments to handlers, each guarded by the role it needs. {@code {name}} in a path
 * matches one segment, handed to the handler in order. Unknown paths answer 404, known paths with another
 * method 405 with Allow; credentials (HTTP Basic, else a console session
 * cookie with its CSRF token) are checked only once a route matched.
 */
final class Router {

    /** Handles a matched request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange, List<String> parameters) throws Exception;
    }

    private record Route(String method, String[] pattern, Role role, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String path, Role role, Handler handler) {
        String[] pattern = path.isEmpty() ? new String[0] : path.substring(1).split("/");
        routes.add(new Route(method, pattern, role, handler));
        return this;
    }

    void dispatch(Exchange exchange) throws Exception {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            List<String> parameters = match(route.pattern(), exchange.segments);
            if (parameters == null) {
                continue;
            }
            if (!route.method().equals(exchange.method())) {
                allowed.add(route.method());
                continue;
            }
            authorize(exchange, route.role());
            route.handler().handle(exchange, parameters);
            return;
        }
        if (!allowed.isEmpty()) {
            exchange.response.setHeader("Allow", String.join(", ", allowed));
            throw new ApiException(405, "method " + exchange.method() + " is not allowed here; use "
                    + String.join(" or ", allowed), null, false);
        }
        throw ApiException.notFound("no such endpoint: " + exchange.method() + " " + exchange.request.getRequestURI());
    }

    private static void authorize(Exchange exchange, Role role) throws ApiException {
        if (role == Role.PUBLIC) {
            return;
        }
        String authorization = exchange.request.getHeader("Authorization");
        // Explicit credentials win; without them a console session cookie may authenticate the request.
        Caller caller = authorization == null ? exchange.core.sessions().callerOf(exchange.request) : null;
        if (caller == null) {
            caller = exchange.core.authenticator().authenticate(authorization);
        }
        exchange.caller(caller);
        if (!caller.may(role)) {
            throw new ApiException(403, "user '" + caller.user() + "' lacks role " + role.roleName()
                    + (role == Role.ADMIN ? "" : " (or merx-admin)"), null, false);
        }
    }

    private static List<String> match(String[] pattern, List<String> segments) {
        if (pattern.length != segments.size()) {
            return null;
        }
        List<String> parameters = new ArrayList<>(2);
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                parameters.add(segments.get(i));
            } else if (!pattern[i].equals(segments.get(i))) {
                return null;
            }
        }
        return parameters;
    }
}
