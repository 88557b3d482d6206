package io.aide.aihub.service;

/** A task that cannot be answered; {@code code} is the stable code published in the AiTaskResult. */
public class AiTaskException extends RuntimeException {
    private final String code;

    public AiTaskException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
