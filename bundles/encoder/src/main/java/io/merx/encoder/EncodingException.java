package io.merx.encoder;

/** The model could not run on valid input (a native failure); the message says what ONNX Runtime reported. */
public final class EncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
