package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the nested, JSON-shaped parts of a request (objects keyed by product, arrays of arrays) with errors that
 * name the full path of the offending field, such as {@code constraints.maxPrice.B}.
 */
final class RequestFields {

    private RequestFields() {
    }

    /** An optional JSON object, or an empty map. */
    static Map<String, Object> object(Map<String, Object> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("field '" + path + "' must be an object, got " + describe(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A finite number. */
    static double number(Object value, String path) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("field '" + path + "' must be a finite number, got " + describe(value));
    }

    /** An optional number, or the fallback. */
    static double number(Map<String, Object> parent, String key, String path, double fallback) {
        Object value = parent.get(key);
        return value == null ? fallback : number(value, path);
    }

    /**
     * Per-product numbers: an object keyed by product, or one number for every product (returned under key
     * {@code "*"}).
     */
    static Map<String, Double> perProduct(Map<String, Object> parent, String key, String path) {
        Object value = parent.get(key);
        Map<String, Double> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Number) {
            out.put("*", number(value, path));
            return out;
        }
        object(parent, key, path).forEach((product, v) -> out.put(product, number(v, path + "." + product)));
        return out;
    }

    /** A string. */
    static String text(Object value, String path) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("field '" + path + "' must be a string, got " + describe(value));
    }

    /** A list of strings. */
    static List<String> strings(Object value, String path) {
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw new IllegalArgumentException("field '" + path + "[" + i + "]' must be a string, got "
                            + describe(list.get(i)));
                }
                out.add(s);
            }
            return out;
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        throw new IllegalArgumentException("field '" + path + "' must be an array of strings, got " + describe(value));
    }

    /** A list of numbers (JSON array or double[]). */
    static double[] numbers(Object value, String path) {
        if (value instanceof double[] d) {
            for (int i = 0; i < d.length; i++) {
                number(d[i], path + "[" + i + "]");
            }
            return d.clone();
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(list.get(i), path + "[" + i + "]");
            }
            return out;
        }
        throw new IllegalArgumentException("field '" + path + "' must be an array of numbers, got " + describe(value));
    }

    /** A list of lists of strings, such as price-order chains. */
    static List<List<String>> chains(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("field '" + path + "' must be an array of arrays of products, got "
                    + describe(value));
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(strings(list.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> || value.getClass().isArray()) {
            return "an array";
        }
        return value.getClass().getSimpleName();
    }
}
