package io.merx.runtime.internal;

import java.util.regex.Pattern;

import io.merx.api.runtime.ScoreResponse;

/** Checks user-supplied names before they become paths or registry keys, so none can escape the store. */
final class Names {

    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

    private Names() {
    }

    static String model(String name) {
        if (name == null || !MODEL.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid model name '" + name
                    + "': use 1-64 characters a-z 0-9 . _ - starting with a letter or digit");
        }
        if (name.startsWith(ModelRegistry.FILE_NAME)) {
            throw new IllegalArgumentException("invalid model name '" + name + "': reserved for the registry file");
        }
        return name;
    }

    static String alias(String name) {
        if (name == null || !ALIAS.matcher(name).matches() || ScoreResponse.ROUTE_PINNED.equals(name)
                || ScoreResponse.ROUTE_CANARY.equals(name) || "shadow".equals(name)) {
            throw new IllegalArgumentException("invalid alias '" + name
                    + "': use 1-32 characters a-z 0-9 _ - starting with a letter; canary, shadow and pinned"
                    + " are reserved");
        }
        return name;
    }

    static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    static String version(String text) {
        if (!isVersion(text)) {
            throw new IllegalArgumentException("invalid version '" + text + "': versions are positive integers");
        }
        return text;
    }
}
