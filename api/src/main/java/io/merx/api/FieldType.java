package io.merx.api;

/** The JSON shape of one scoring input. */
public enum FieldType {
    /** A finite number. */
    NUMBER,
    /** A whole number. */
    INTEGER,
    /** A string. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An array of finite numbers; {@link FieldSpec#sizeRule()} may fix or cap its length. */
    VECTOR,
    /** An array of strings. */
    STRING_LIST,
    /** A JSON object, passed to the scorer as a map; the scorer checks its contents. */
    OBJECT
}
