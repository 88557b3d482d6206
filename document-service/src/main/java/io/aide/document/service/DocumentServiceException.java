package io.aide.document.service;

/** Every failure document-service reports to a client: a stable code, an HTTP status and a message that says what to do. */
public class DocumentServiceException extends RuntimeException {
    private final String code;
    private final int status;
    private final String title;

    public DocumentServiceException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public DocumentServiceException(int status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static DocumentServiceException notFound(String what, String id) {
        return new DocumentServiceException(404, what + "_not_found", "Not found",
                "No " + what.replace('_', ' ') + " '" + id + "' in your tenant. List what you have with GET /api/v1/"
                        + (what.startsWith("data") ? "datasources" : "documents") + ".");
    }

    public static DocumentServiceException badRequest(String code, String detail) {
        return new DocumentServiceException(400, code, "Bad request", detail);
    }

    public static DocumentServiceException conflict(String code, String detail) {
        return new DocumentServiceException(409, code, "Conflict", detail);
    }

    public static DocumentServiceException unavailable(String code, String detail, Throwable cause) {
        return new DocumentServiceException(503, code, "Service unavailable", detail, cause);
    }
}
