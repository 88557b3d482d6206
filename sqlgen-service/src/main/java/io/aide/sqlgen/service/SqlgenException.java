package io.aide.sqlgen.service;

/**
 * Every failure sqlgen reports on purpose: a stable {@code code} (e.g. {@code document_not_found}), an HTTP status
 * for REST callers and the generation stage for the SSE {@code error} event.
 */
public class SqlgenException extends RuntimeException {
    private final String code;
    private final int status;
    private final String title;
    private final String stage;

    public SqlgenException(String code, int status, String title, String stage, String message) {
        this(code, status, title, stage, message, null);
    }

    public SqlgenException(String code, int status, String title, String stage, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.title = title;
        this.stage = stage;
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

    public String stage() {
        return stage;
    }

    /** The generation does not exist for this tenant (another tenant's id answers the same). */
    public static SqlgenException generationNotFound(String generationId) {
        return new SqlgenException("generation_not_found", 404, "Generation not found", null,
                "Generation '" + generationId + "' does not exist. Start it with POST /api/v1/generations.");
    }

    public static SqlgenException missingTenant() {
        return new SqlgenException("missing_tenant", 400, "Tenant header missing", null,
                "The X-Aide-Tenant header is required on internal APIs; call through the gateway.");
    }

    /** The spec could not be loaded: not found, not parsed yet, or document-service unreachable. */
    public static SqlgenException spec(String code, String message) {
        return new SqlgenException(code, 422, "Mapping spec unavailable", Stages.LOADING_SPEC, message);
    }

    public static SqlgenException badRequest(String code, String message) {
        return new SqlgenException(code, 400, "Bad request", null, message);
    }
}
