package io.merx.rest.internal;

import java.util.regex.Pattern;

/**
 * Checks names taken from URLs before they reach the runtime, with the runtime's own rules, so a path such as
 * {@code ..%2F..%2Fetc} is a 400 naming the parameter rather than anything the store sees.
 */
final class PathNames {

    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION_OR_ALIAS = Pattern.compile("[1-9][0-9]{0,8}|[a-z][a-z0-9_-]{0,31}");

    private PathNames() {
    }

    static String model(String name) throws ApiException {
        if (name == null || !MODEL.matcher(name).matches() || name.contains("..")) {
            throw ApiException.badRequest("invalid model name '" + shorten(name)
                    + "': use 1-64 characters a-z 0-9 . _ - starting with a letter or digit", "name");
        }
        return name;
    }

    static String versionOrAlias(String text, String field) throws ApiException {
        if (text == null || !VERSION_OR_ALIAS.matcher(text).matches()) {
            throw ApiException.badRequest("invalid " + field + " '" + shorten(text)
                    + "': a version is a positive integer, an alias 1-32 characters a-z 0-9 _ - starting with a"
                    + " letter", field);
        }
        return text;
    }

    /** A caller's text, shortened and with control characters replaced, fit to quote in an error. */
    static String printable(String text) {
        return shorten(text);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 70 ? printable.substring(0, 70) + "..." : printable;
    }
}
