package io.aide.validator.service;

/** Every failure the validator reports to a client: an HTTP status, a stable code and what to do. */
public class ValidatorException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;

    public ValidatorException(int status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ValidatorException notFound(String what, String detail) {
        return new ValidatorException(404, "not_found:" + what, "Not found", detail, null);
    }

    public static ValidatorException badRequest(String code, String detail) {
        return new ValidatorException(400, code, "Bad request", detail, null);
    }

    public static ValidatorException unavailable(String what, String detail, Throwable cause) {
        return new ValidatorException(503, "unavailable:" + what, "Service unavailable", detail, cause);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
