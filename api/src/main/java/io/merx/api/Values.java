package io.merx.api;

import java.util.List;
import java.util.Map;

/** Conversions between JSON-shaped values (numbers, strings, lists) and the Java types plugins want. */
final class Values {

    private Values() {
    }

    static Object require(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static double toDouble(String field, Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("field '" + field + "' must be a finite number, got " + d);
            }
            return d;
        }
        throw new IllegalArgumentException("field '" + field + "' must be a number, got " + describe(value));
    }

    static long toLong(String field, Object value) {
        double d = toDouble(field, value);
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + value);
        }
        return (long) d;
    }

    static String toText(String field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("field '" + field + "' must be a string, got " + describe(value));
    }

    static boolean toBoolean(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("field '" + field + "' must be true or false, got " + describe(value));
    }

    static double[] toVector(String field, Object value) {
        if (value instanceof double[] d) {
            for (int i = 0; i < d.length; i++) {
                checkFinite(field, i, d[i]);
            }
            return d.clone();
        }
        if (value instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
                checkFinite(field, i, d[i]);
            }
            return d;
        }
        if (value instanceof List<?> list) {
            double[] d = new double[list.size()];
            for (int i = 0; i < d.length; i++) {
                Object element = list.get(i);
                if (!(element instanceof Number number)) {
                    throw new IllegalArgumentException(
                            "field '" + field + "[" + i + "]' must be a number, got " + describe(element));
                }
                d[i] = number.doubleValue();
                checkFinite(field, i, d[i]);
            }
            return d;
        }
        throw new IllegalArgumentException(
                "field '" + field + "' must be an array of numbers, got " + describe(value));
    }

    static List<String> toTextList(String field, Object value) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String)) {
                    throw new IllegalArgumentException(
                            "field '" + field + "[" + i + "]' must be a string, got " + describe(list.get(i)));
                }
            }
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return List.copyOf(strings);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        throw new IllegalArgumentException(
                "field '" + field + "' must be an array of strings, got " + describe(value));
    }

    private static void checkFinite(String field, int index, double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(
                    "field '" + field + "[" + index + "]' must be a finite number, got " + d);
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number) {
            return "number " + value;
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        if (value instanceof List<?> || value.getClass().isArray()) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }
}
