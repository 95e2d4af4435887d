package io.merx.api;

/**
 * A scorer tried to return NaN or an infinity: {@link ScoreResult.Builder} refuses it, naming the output. It is an
 * {@link IllegalArgumentException} for the scorer that passed the value, and a bug in that scorer for whoever asked
 * for the score, so the runtime reports it to callers as a {@link ScoringException}, never as bad input.
 *
 * @since 1.1
 */
public class NonFiniteOutputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String output;

    /**
     * A refusal of one value.
     *
     * @param output the output, with the element within it when nested, e.g. {@code forecast[3]}
     * @param value the value refused
     */
    public NonFiniteOutputException(String output, double value) {
        super("output '" + output + "' must be a finite number, got " + value);
        this.output = output;
    }

    /** The output refused, with the element within it when nested, e.g. {@code forecast[3]}. */
    public String output() {
        return output;
    }
}
