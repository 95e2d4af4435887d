package io.merx.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.merx.api.FieldSpec;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ScoreResponse;

/**
 * Translates between Open Inference Protocol v2 tensors and Merx requests. A request's tensors share their
 * first dimension, the batch: row {@code i} of every tensor makes the inputs of request {@code i}. A tensor of
 * shape {@code [N]} gives each request a scalar, {@code [N, k...]} a flat list of {@code k...} values (a Merx
 * vector or string list). Outputs go back the same way: numbers as FP64 (INT64 when all are integers), booleans
 * as BOOL, strings as BYTES, equal-length number arrays as {@code [N, k]}, anything else as JSON text in BYTES.
 */
final class InferenceCodec {

    private static final Set<String> NUMERIC = Set.of("FP16", "FP32", "FP64", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");
    /** Smallest and largest value of each bounded datatype; FP64 is bounded by the JSON parser already. */
    private static final Map<String, BigDecimal[]> RANGES = Map.of(
            "INT8", range(Byte.MIN_VALUE, Byte.MAX_VALUE), "INT16", range(Short.MIN_VALUE, Short.MAX_VALUE),
            "INT32", range(Integer.MIN_VALUE, Integer.MAX_VALUE), "INT64", range(Long.MIN_VALUE, Long.MAX_VALUE),
            "UINT8", range(0, 255), "UINT16", range(0, 65_535), "UINT32", range(0, 4_294_967_295L),
            "UINT64", new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("18446744073709551615")},
            "FP16", range(-65_504, 65_504),
            "FP32", new BigDecimal[] {new BigDecimal(-Float.MAX_VALUE), new BigDecimal(Float.MAX_VALUE)});
    private static final List<String> BODY_FIELDS = List.of("id", "parameters", "inputs", "outputs");
    private static final List<String> TENSOR_FIELDS = List.of("name", "shape", "datatype", "data", "parameters");

    private InferenceCodec() {
    }

    /** The parsed request: its id, routing key, the requests per row and the outputs asked for. */
    record Inference(String id, String key, List<ScoreRequest> requests, List<String> outputs) {
    }

    static Inference read(JsonNode body, int maxBatch) throws ApiException {
        JsonCodec.object(body);
        JsonCodec.onlyFields(body, BODY_FIELDS, "an inference request");
        String id = JsonCodec.optionalText(body, "id");
        String key = null;
        JsonNode parameters = body.get("parameters");
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw ApiException.badRequest("field 'parameters' must be an object", "parameters");
            }
            key = JsonCodec.optionalText(parameters, "key");
        }
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw ApiException.badRequest("field 'inputs' must be a non-empty array of tensors", "inputs");
        }
        int rows = -1;
        List<Map<String, Object>> rowInputs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode tensor : inputs) {
            if (!tensor.isObject()) {
                throw ApiException.badRequest("each element of 'inputs' must be a tensor object", "inputs");
            }
            String name = JsonCodec.text(tensor, "name");
            JsonCodec.onlyFields(tensor, TENSOR_FIELDS, "input tensor '" + name + "'");
            if (!names.add(name)) {
                throw ApiException.badRequest("input tensor '" + name + "' is given twice", name);
            }
            long[] shape = shape(tensor.get("shape"), name);
            if (rows < 0) {
                rows = (int) shape[0];
                if (rows == 0) {
                    throw ApiException.badRequest("input tensor '" + name + "' has no rows", name);
                }
                if (rows > maxBatch) {
                    throw ApiException.tooLarge("batch of " + rows + " rows exceeds the limit of " + maxBatch, name);
                }
                for (int i = 0; i < rows; i++) {
                    rowInputs.add(new LinkedHashMap<>());
                }
            } else if (shape[0] != rows) {
                throw ApiException.badRequest("input tensor '" + name + "' has " + shape[0] + " rows, the first"
                        + " tensor " + rows + "; all inputs share the batch dimension", name);
            }
            String datatype = JsonCodec.text(tensor, "datatype").toUpperCase(Locale.ROOT);
            List<Object> data = flatten(tensor.get("data"), name, datatype);
            long width = 1;
            for (int d = 1; d < shape.length; d++) {
                width *= shape[d];
            }
            if ((long) rows * width != data.size()) {
                throw ApiException.badRequest("input tensor '" + name + "' has " + data.size() + " values, its"
                        + " shape needs " + rows * width, name);
            }
            for (int i = 0; i < rows; i++) {
                Object value = shape.length == 1 ? data.get(i)
                        : new ArrayList<>(data.subList((int) (i * width), (int) ((i + 1) * width)));
                rowInputs.get(i).put(name, value);
            }
        }
        List<ScoreRequest> requests = new ArrayList<>(rows);
        for (Map<String, Object> row : rowInputs) {
            requests.add(new ScoreRequest(key, row));
        }
        return new Inference(id, key, requests, requestedOutputs(body.get("outputs")));
    }

    private static long[] shape(JsonNode node, String name) throws ApiException {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 8) {
            throw ApiException.badRequest("input tensor '" + name + "' needs a 'shape' of 1 to 8 dimensions", name);
        }
        long[] shape = new long[node.size()];
        long product = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.longValue() < 0) {
                throw ApiException.badRequest("input tensor '" + name + "' has an invalid shape " + node, name);
            }
            shape[i] = d.longValue();
            product *= Math.max(1, shape[i]);
            if (product > Integer.MAX_VALUE / 2) {
                throw ApiException.tooLarge("input tensor '" + name + "' is too large: shape " + node, name);
            }
        }
        return shape;
    }

    private static List<Object> flatten(JsonNode data, String name, String datatype) throws ApiException {
        if (data == null || !data.isArray()) {
            throw ApiException.badRequest("input tensor '" + name + "' needs 'data' as an array", name);
        }
        boolean numeric = NUMERIC.contains(datatype);
        if (!numeric && !"BOOL".equals(datatype) && !"BYTES".equals(datatype)) {
            throw ApiException.badRequest("input tensor '" + name + "' has unknown datatype '" + datatype + "'",
                    name);
        }
        List<Object> values = new ArrayList<>(data.size());
        flatten(data, name, datatype, numeric, values);
        return values;
    }

    private static void flatten(JsonNode data, String name, String datatype, boolean numeric, List<Object> values)
            throws ApiException {
        for (JsonNode element : data) {
            if (element.isArray()) {
                flatten(element, name, datatype, numeric, values);
                continue;
            }
            boolean ok = numeric ? element.isNumber() && (datatype.startsWith("FP") || element.isIntegralNumber())
                    : "BOOL".equals(datatype) ? element.isBoolean() : element.isTextual();
            if (!ok) {
                throw ApiException.badRequest("input tensor '" + name + "' of datatype " + datatype + " holds "
                        + JsonCodec.describe(element), name);
            }
            BigDecimal[] range = RANGES.get(datatype);
            if (range != null && (element.decimalValue().compareTo(range[0]) < 0
                    || element.decimalValue().compareTo(range[1]) > 0)) {
                throw ApiException.badRequest("input tensor '" + name + "' of datatype " + datatype + " holds "
                        + JsonCodec.describe(element) + ", outside its range " + bound(range[0]) + " to "
                        + bound(range[1]), name);
            }
            values.add(JsonCodec.toJava(element, name));
        }
    }

    private static String bound(BigDecimal value) {
        return value.precision() <= 20 ? value.toBigInteger().toString() : Double.toString(value.doubleValue());
    }

    private static BigDecimal[] range(long min, long max) {
        return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
    }

    private static List<String> requestedOutputs(JsonNode outputs) throws ApiException {
        List<String> names = new ArrayList<>();
        if (outputs == null || outputs.isNull()) {
            return names;
        }
        if (!outputs.isArray()) {
            throw ApiException.badRequest("field 'outputs' must be an array of {\"name\": ...}", "outputs");
        }
        for (JsonNode output : outputs) {
            if (!output.isObject()) {
                throw ApiException.badRequest("each element of 'outputs' must be an object with a name", "outputs");
            }
            names.add(JsonCodec.text(output, "name"));
        }
        return names;
    }

    /** The v2 response for the rows of one request. */
    static Map<String, Object> write(String model, String id, List<ScoreResponse> responses, List<String> wanted,
            String requestId) throws ApiException {
        ScoreResponse first = responses.get(0);
        Set<String> available = first.result().outputs().keySet();
        List<String> names = wanted.isEmpty() ? new ArrayList<>(available) : wanted;
        List<Object> outputs = new ArrayList<>();
        for (String name : names) {
            if (!available.contains(name)) {
                throw ApiException.badRequest("unknown output '" + name + "'; the model returns " + available,
                        "outputs");
            }
            List<Object> column = new ArrayList<>(responses.size());
            for (ScoreResponse response : responses) {
                column.add(response.result().outputs().get(name));
            }
            outputs.add(tensor(name, column));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_name", model);
        json.put("model_version", first.version());
        if (id != null) {
            json.put("id", id);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("route", first.route());
        parameters.put("requestId", requestId);
        json.put("parameters", parameters);
        json.put("outputs", outputs);
        return json;
    }

    private static Map<String, Object> tensor(String name, List<Object> column) {
        int n = column.size();
        String datatype;
        List<Object> data = new ArrayList<>(n);
        List<Integer> shape = new ArrayList<>(List.of(n));
        if (column.stream().allMatch(v -> v instanceof Integer || v instanceof Long || v instanceof Short)) {
            datatype = "INT64";
            data.addAll(column);
        } else if (column.stream().allMatch(v -> v instanceof Number)) {
            datatype = "FP64";
            data.addAll(column);
        } else if (column.stream().allMatch(v -> v instanceof Boolean)) {
            datatype = "BOOL";
            data.addAll(column);
        } else if (column.stream().allMatch(v -> v instanceof String)) {
            datatype = "BYTES";
            data.addAll(column);
        } else if (numberRows(column) >= 0) {
            datatype = "FP64";
            shape.add(numberRows(column));
            for (Object row : column) {
                for (double d : numbers(row)) {
                    data.add(d);
                }
            }
        } else {
            datatype = "BYTES";
            for (Object value : column) {
                data.add(String.valueOf(value instanceof double[] d ? java.util.Arrays.toString(d) : value));
            }
        }
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("name", name);
        tensor.put("datatype", datatype);
        tensor.put("shape", shape);
        tensor.put("data", data);
        return tensor;
    }

    /** The common length of rows that are all number arrays, or -1. */
    private static int numberRows(List<Object> column) {
        int width = -1;
        for (Object row : column) {
            double[] numbers = numbers(row);
            if (numbers == null || (width >= 0 && numbers.length != width)) {
                return -1;
            }
            width = numbers.length;
        }
        return width;
    }

    private static double[] numbers(Object value) {
        if (value instanceof double[] d) {
            return d;
        }
        if (value instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (value instanceof List<?> list) {
            double[] d = new double[list.size()];
            for (int i = 0; i < d.length; i++) {
                if (!(list.get(i) instanceof Number number)) {
                    return null;
                }
                d[i] = number.doubleValue();
            }
            return d;
        }
        return null;
    }

    /** The v2 datatype and shape of one input field. */
    static Map<String, Object> inputMetadata(FieldSpec field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        switch (field.type()) {
            case NUMBER -> {
                json.put("datatype", "FP64");
                json.put("shape", List.of(-1));
            }
            case INTEGER -> {
                json.put("datatype", "INT64");
                json.put("shape", List.of(-1));
            }
            case BOOLEAN -> {
                json.put("datatype", "BOOL");
                json.put("shape", List.of(-1));
            }
            case VECTOR -> {
                json.put("datatype", "FP64");
                json.put("shape", List.of(-1, field.size() > 0 ? field.size() : -1));
            }
            case STRING_LIST -> {
                json.put("datatype", "BYTES");
                json.put("shape", List.of(-1, -1));
            }
            default -> {
                json.put("datatype", "BYTES");
                json.put("shape", List.of(-1));
            }
        }
        json.put("parameters", Map.of("required", field.required(), "description", field.description()));
        return json;
    }

    static List<Object> inputsMetadata(InputSchema schema) {
        List<Object> inputs = new ArrayList<>();
        if (schema != null) {
            for (FieldSpec field : schema.fields()) {
                inputs.add(inputMetadata(field));
            }
        }
        return inputs;
    }
}
