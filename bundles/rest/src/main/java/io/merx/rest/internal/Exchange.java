package io.merx.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP request and its answer: the decoded path segments below the servlet's prefix, the caller once
 * authenticated, size-limited body reading and JSON answers.
 */
final class Exchange {

    static final String JSON = "application/json";

    final HttpServletRequest request;
    final HttpServletResponse response;
    final RestCore core;
    final List<String> segments;
    private Caller caller;

    Exchange(HttpServletRequest request, HttpServletResponse response, RestCore core, String prefix)
            throws ApiException {
        this.request = request;
        this.response = response;
        this.core = core;
        this.segments = segments(request, prefix);
    }

    private Exchange(HttpServletRequest request, HttpServletResponse response, RestCore core) {
        this.request = request;
        this.response = response;
        this.core = core;
        this.segments = List.of();
    }

    /** An exchange for answering a request whose path could not even be read. */
    static Exchange bare(HttpServletRequest request, HttpServletResponse response, RestCore core) {
        return new Exchange(request, response, core);
    }

    /** Splits the raw request path and percent-decodes each segment, so an encoded slash stays inside a name. */
    private static List<String> segments(HttpServletRequest request, String prefix) throws ApiException {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        if (path.startsWith(prefix)) {
            path = path.substring(prefix.length());
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    private static String decode(String raw) throws ApiException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw ApiException.badRequest("malformed percent-encoding in path segment '" + raw + "'", null);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ApiException.badRequest("malformed percent-encoding in path segment '" + raw + "'", null);
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    Caller caller() {
        return caller;
    }

    void caller(Caller value) {
        caller = value;
    }

    String method() {
        return request.getMethod();
    }

    /** A query parameter, or null. */
    String query(String name) {
        String value = request.getParameter(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The body as a JSON document, at most {@code maxBodyBytes}. */
    JsonNode json() throws ApiException, IOException {
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ApiException(415, "unsupported content type '" + type + "'; send application/json",
                    "Content-Type", false);
        }
        return core.codec().parse(body(core.settings().maxBodyBytes()));
    }

    private byte[] body(long limit) throws ApiException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw ApiException.tooLarge("request body of " + declared + " bytes exceeds the limit of " + limit
                    + " bytes", null);
        }
        InputStream in = request.getInputStream();
        if (declared >= 0 && declared < Integer.MAX_VALUE) {
            // The usual case (a client that states the length): read exactly that many bytes into an array of
            // that size. The copy loop's 8 KB buffer per request was a fifth of all the bytes a scoring request
            // allocated (docs/benchmarks/rest.md), and allocation sets how often the collector runs.
            byte[] body = in.readNBytes((int) declared);
            if (in.read() >= 0) {
                throw ApiException.badRequest("request body is longer than its Content-Length of " + declared
                        + " bytes", null);
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        copy(in, out, limit);
        return out.toByteArray();
    }

    /** Streams the body to a new temporary file of at most {@code maxUploadBytes}; the caller deletes it. */
    Path upload(Path directory, String suffix) throws ApiException, IOException {
        long limit = core.settings().maxUploadBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw ApiException.tooLarge("upload of " + declared + " bytes exceeds the limit of " + limit + " bytes",
                    null);
        }
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", suffix);
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            long n = copy(request.getInputStream(), out, limit);
            if (n == 0) {
                throw ApiException.badRequest("request body is empty; expected the file to upload", null);
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws ApiException, IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw ApiException.tooLarge("request body exceeds the limit of " + limit + " bytes", null);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The most of a body left unread that an error answer still reads, to keep the connection for the next request. */
    private static final int DRAIN_LIMIT = 64 << 10;

    /**
     * Before an error answer: reads what is left of the request's body when that is at most {@link #DRAIN_LIMIT}
     * bytes, so the connection can serve the client's next request. False when more is left (or reading fails):
     * Jetty then closes the connection after the answer, and the answer has to say so ({@code Connection: close}),
     * or a client that reuses the connection for its next request gets no answer at all (the JDK client's "HTTP/1.1
     * header parser received no bytes").
     */
    boolean drainBody() {
        try {
            long declared = request.getContentLengthLong();
            if (declared > DRAIN_LIMIT) {
                return false;
            }
            copy(request.getInputStream(), OutputStream.nullOutputStream(), DRAIN_LIMIT);
            return true;
        } catch (ApiException | IOException | IllegalStateException moreLeftOrUnreadable) {
            return false;
        }
    }

    /** Answers with a JSON document. */
    void send(int status, Object body) throws IOException {
        byte[] bytes = core.codec().bytes(body);
        response.setStatus(status);
        response.setContentType(JSON);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
