package io.merx.rest.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/**
 * Browser sessions of the Merx console: after a form login against the same JAAS realm as HTTP Basic, the browser
 * holds only a random id in an HttpOnly, SameSite=Strict cookie, never the password. Because a cookie is sent by
 * the browser on its own, every request that changes state must also carry the session's CSRF token in a header,
 * which only a page of this origin can read (from {@code GET /api/v1/session}).
 *
 * <p>Sessions live in memory: a restart logs everyone out, which is the safe direction. They expire after an idle
 * time, and their number is bounded so that logins cannot exhaust memory.
 */
final class Sessions {

    static final String COOKIE = "MERX_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    static final int MAX_SESSIONS = 10_000;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** One logged-in browser. */
    record Session(String id, Caller caller, String csrfToken) {
    }

    private record Entry(Session session, long expiresAtNanos) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idle;
    private final LongSupplier nanoClock;

    Sessions(Duration idle, LongSupplier nanoClock) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("session idle time must be positive, got " + idle);
        }
        this.idle = idle;
        this.nanoClock = nanoClock;
    }

    Sessions() {
        this(DEFAULT_IDLE, System::nanoTime);
    }

    /** Opens a session for a caller who just logged in. */
    Session open(Caller caller) throws ApiException {
        long now = nanoClock.getAsLong();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (sessions.size() >= MAX_SESSIONS) {
                throw ApiException.busy(503, "too many open console sessions; try again later");
            }
        }
        Session session = new Session(token(), caller, token());
        sessions.put(session.id(), new Entry(session, now + idle.toNanos()));
        return session;
    }

    /**
     * The session the request's cookie names, its idle time restarted; null when the request carries no session
     * cookie.
     *
     * @throws ApiException 401 when the cookie names no live session
     */
    Session of(HttpServletRequest request) throws ApiException {
        String id = cookie(request);
        if (id == null) {
            return null;
        }
        long now = nanoClock.getAsLong();
        Entry entry = sessions.get(id);
        if (entry == null || now - entry.expiresAtNanos() >= 0) {
            if (entry != null) {
                sessions.remove(id, entry);
            }
            throw new ApiException(401, "the console session has expired or was closed; log in again", null,
                    false);
        }
        sessions.replace(id, entry, new Entry(entry.session(), now + idle.toNanos()));
        return entry.session();
    }

    /**
     * The caller of a request authenticated by its session cookie, or null without one. A request that may change
     * state must carry the session's CSRF token in {@link #CSRF_HEADER}.
     *
     * @throws ApiException 401 for an expired session, 403 for a missing or wrong CSRF token
     */
    Caller callerOf(HttpServletRequest request) throws ApiException {
        Session session = of(request);
        if (session == null) {
            return null;
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            checkCsrf(session, request);
        }
        return session.caller();
    }

    static void checkCsrf(Session session, HttpServletRequest request) throws ApiException {
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "missing or wrong CSRF token: a console request that changes state must"
                    + " send the session's token in " + CSRF_HEADER, CSRF_HEADER, false);
        }
    }

    void close(Session session) {
        sessions.remove(session.id());
    }

    int size() {
        return sessions.size();
    }

    /** The Set-Cookie value that hands the browser its session id. */
    String setCookie(Session session, boolean secure) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser forget its session id. */
    static String clearCookie(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** 256 random bits, URL-safe. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
