package io.aide.validation;

/**
 * A statement the sandbox refused or stopped. {@link #code()} is stable:
 * {@code sandbox:file_access}, {@code sandbox:extension}, {@code sandbox:config_locked}, {@code sandbox:timeout},
 * {@code sandbox:memory}, {@code sandbox:multiple_statements}, {@code sql:syntax}, {@code sql:binding},
 * {@code sql:runtime}, {@code sample:load}.
 */
public class SandboxException extends RuntimeException {
    private final String code;

    public SandboxException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public SandboxException(String code, String message) {
        this(code, message, null);
    }

    public String code() {
        return code;
    }
}
