package io.merx.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks HTTP Basic credentials against a JAAS realm (Karaf's {@code karaf} realm by default) and reads the
 * caller's roles from its role principals. Successful logins are remembered for a short while under a hash of
 * realm, user and password, because a JAAS properties login reads users.properties on every call and scoring
 * must not pay that per request; a changed password therefore takes effect within the cache time.
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final String CHALLENGE = "Basic realm=\"Merx\", charset=\"UTF-8\"";
    private static final int MAX_CACHED = 10_000;

    private final RestSettings settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Caller caller, long expiresAtNanos) {
    }

    Authenticator(RestSettings settings) {
        this.settings = settings;
    }

    /** The value of the WWW-Authenticate header of a 401 answer. */
    static String challenge() {
        return CHALLENGE;
    }

    /**
     * Authenticates the Authorization header's value.
     *
     * @throws ApiException 401 when it is missing, malformed or the login fails
     */
    Caller authenticate(String authorization) throws ApiException {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, "authentication required: send HTTP Basic credentials", null, false);
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(401, "only HTTP Basic authentication is supported", "Authorization", false);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, "malformed Basic credentials: not base64", "Authorization", false);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new ApiException(401, "malformed Basic credentials: expected user:password", "Authorization",
                    false);
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = cacheKey(user, password);
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.caller();
        }
        Caller caller = login(user, password);
        if (!settings.authCache().isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(caller, now + settings.authCache().toNanos()));
        }
        return caller;
    }

    /**
     * Checks a user name and password against the realm, bypassing the cache: the console's form login.
     *
     * @throws ApiException 401 when the login fails
     */
    Caller login(String user, String password) throws ApiException {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Karaf's JAAS configuration finds its login modules through the thread context class loader.
        thread.setContextClassLoader(Authenticator.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(settings.realm(), subject, callbacks -> answer(callbacks, user,
                    password));
            context.login();
        } catch (LoginException | SecurityException e) {
            LOG.debug("HTTP login of {} failed: {}", user, e.getMessage());
            throw new ApiException(401, "invalid user name or password", null, false);
        } finally {
            thread.setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        for (Principal principal : subject.getPrincipals()) {
            if (settings.rolePrincipalClasses().contains(principal.getClass().getName())) {
                roles.add(principal.getName());
            }
        }
        return new Caller(user, roles);
    }

    private static void answer(Callback[] callbacks, String user, String password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private String cacheKey(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(settings.realm().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
