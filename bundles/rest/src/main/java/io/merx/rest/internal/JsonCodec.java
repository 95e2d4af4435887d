package io.merx.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies with Jackson under hard limits (nesting depth, number and string length, duplicate keys,
 * trailing data; NaN and Infinity are not JSON and stay refused) and turns them into the plain Java values the
 * Merx API expects, refusing numbers that overflow a double. Writes responses.
 */
final class JsonCodec {

    /** Longest number literal: far beyond any double's digits, far below Jackson's quadratic-parse danger zone. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final ObjectMapper mapper;

    JsonCodec(int maxDepth, long maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringLength))
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Parses a JSON document.
     *
     * @throws ApiException 400 naming the problem and where it is
     */
    JsonNode parse(byte[] body) throws ApiException {
        if (body.length == 0) {
            throw ApiException.badRequest("request body is empty; expected a JSON object", null);
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("request body is empty; expected a JSON object", null);
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("request body exceeds a JSON limit: " + e.getOriginalMessage(), null);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + firstLine(e.getOriginalMessage()) + where(e), null);
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable JSON: " + e.getMessage(), null);
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected content";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    void write(OutputStream out, Object value) throws IOException {
        mapper.writeValue(out, value);
    }

    byte[] bytes(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    /**
     * A JSON object of inputs as the API's plain values: numbers become Long or Double, arrays Lists, objects
     * Maps.
     *
     * @param path the object's place in the request, e.g. {@code inputs}, for messages
     */
    static Map<String, Object> toInputs(JsonNode node, String path) throws ApiException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ApiException.badRequest("missing field '" + path + "' (object of model inputs)", path);
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("field '" + path + "' must be a JSON object of model inputs, got "
                    + describe(node), path);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), toJava(field.getValue(), field.getKey()));
        }
        return map;
    }

    /** One JSON value as a plain Java value; {@code name} is the input field it belongs to. */
    static Object toJava(JsonNode node, String name) throws ApiException {
        switch (node.getNodeType()) {
            case NULL:
                return null;
            case BOOLEAN:
                return node.booleanValue();
            case STRING:
                return node.textValue();
            case NUMBER:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                double value = node.doubleValue();
                if (!Double.isFinite(value)) {
                    throw ApiException.badRequest("field '" + name + "' is too large for a number: "
                            + abbreviate(node.asText()), name);
                }
                return value;
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element, name));
                }
                return list;
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.put(field.getKey(), toJava(field.getValue(), name + "." + field.getKey()));
                }
                return map;
            default:
                throw ApiException.badRequest("field '" + name + "' has an unsupported JSON value", name);
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string \"" + abbreviate(node.textValue()) + "\"";
        }
        if (node.isNumber()) {
            return "number " + abbreviate(node.asText());
        }
        if (node.isBoolean()) {
            return "boolean " + node.booleanValue();
        }
        return node.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** A required text field of a JSON object. */
    static String text(JsonNode body, String field) throws ApiException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("missing field '" + field + "'", field);
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw ApiException.badRequest("field '" + field + "' must be a string, got " + describe(node), field);
        }
        return node.asText();
    }

    /** An optional text field, or null. */
    static String optionalText(JsonNode body, String field) throws ApiException {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : text(body, field);
    }

    /**
     * Refuses fields a body does not define, so a misspelt option ({@code "instance"}, {@code "kye"}) is an error
     * instead of silently doing nothing.
     */
    static void onlyFields(JsonNode object, List<String> known, String what) throws ApiException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.badRequest("unknown field '" + abbreviate(name) + "' in " + what + "; known fields: "
                        + String.join(", ", known), abbreviate(name));
            }
        }
    }

    /** The body, which must be a JSON object. */
    static JsonNode object(JsonNode body) throws ApiException {
        if (!body.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object, got " + describe(body), null);
        }
        return body;
    }
}
