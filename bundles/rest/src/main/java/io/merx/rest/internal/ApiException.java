package io.merx.rest.internal;

/**
 * A request that fails with a 4xx or 503 answer: the status, a message for the client and, where one field is at
 * fault, its name. Expected, so it carries no stack trace.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final boolean retry;

    ApiException(int status, String message, String field, boolean retry) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.retry = retry;
    }

    ApiException(int status, String message) {
        this(status, message, null, false);
    }

    static ApiException badRequest(String message, String field) {
        return new ApiException(400, message, field, false);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message, null, false);
    }

    static ApiException tooLarge(String message, String field) {
        return new ApiException(413, message, field, false);
    }

    /** 429 or 503 with Retry-After. */
    static ApiException busy(int status, String message) {
        return new ApiException(status, message, null, true);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    boolean retry() {
        return retry;
    }
}
