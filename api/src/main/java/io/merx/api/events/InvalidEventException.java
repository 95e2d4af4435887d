package io.merx.api.events;

/**
 * An event field that is missing or malformed. The message starts with the field's name, so a caller can put
 * the event's place in a batch in front of it: {@code events[3].type must be one of ...}.
 *
 * @since 1.0
 */
public final class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the JSON field at fault, e.g. {@code type}
     * @param problem what is wrong with it, e.g. {@code is required}
     */
    public InvalidEventException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The JSON field at fault. */
    public String field() {
        return field;
    }
}
