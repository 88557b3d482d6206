package io.aide.aihub.service;

/** A request ai-hub-service refuses or cannot serve: a stable code, an HTTP status and a message that says what to do. */
public class AiHubException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;

    public AiHubException(int status, String code, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public AiHubException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public static AiHubException badRequest(String code, String detail) {
        return new AiHubException(400, code, "Invalid request", detail);
    }

    public static AiHubException notFound(String code, String detail) {
        return new AiHubException(404, code, "Not found", detail);
    }

    public static AiHubException redisUnavailable(Throwable cause) {
        return new AiHubException(503, "redis_unavailable", "Session store unavailable",
                "The modeler's session store (Redis) does not answer, so nothing was changed. Retry in a moment; "
                        + "if it persists, check Redis (AIDE_REDIS_URL).", cause);
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
