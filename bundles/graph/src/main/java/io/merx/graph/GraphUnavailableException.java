package io.merx.graph;

/** Neo4j could not be reached, or kept failing, within the retry budget; the message says what was tried. */
public class GraphUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
