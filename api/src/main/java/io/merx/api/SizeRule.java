package io.merx.api;

/**
 * How {@link FieldSpec#sizeLimit()} bounds the length of a string (characters), a string list or a vector
 * (elements).
 *
 * @since 1.1
 */
public enum SizeRule {
    /** Any length; the limit is 0. */
    NONE,
    /** Exactly the limit, e.g. a feature vector of a fixed width. */
    EXACTLY,
    /** At most the limit, e.g. the longest message a scorer reads. */
    AT_MOST
}
