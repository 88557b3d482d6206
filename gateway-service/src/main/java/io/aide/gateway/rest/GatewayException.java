package io.aide.gateway.rest;

/** Every failure the gateway reports to a client; mapped to problem+json with its status and code. */
public class GatewayException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final Long retryAfterSeconds;

    public GatewayException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    /** A refusal the client may retry: {@code Retry-After} says after how many seconds. */
    public GatewayException(int status, String code, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds for the Retry-After header, or null when the answer carries none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
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

    public static GatewayException notFound(String what, String id) {
        return new GatewayException(404, "not_found", "Not found",
                what + " '" + id + "' does not exist or belongs to another tenant.");
    }

    public static GatewayException badRequest(String code, String detail) {
        return new GatewayException(400, code, "Bad request", detail);
    }

    public static GatewayException conflict(String code, String detail) {
        return new GatewayException(409, code, "Conflict", detail);
    }

    /** The Kafka broker did not take a command in time: nothing was accepted, the same request may be repeated. */
    public static GatewayException brokerUnavailable(long retryAfterSeconds) {
        return new GatewayException(503, "broker_unavailable", "Service unavailable",
                "The event broker did not accept the request in time; nothing was started. Repeat the same request "
                        + "(same generationId) after " + retryAfterSeconds + " s.", retryAfterSeconds);
    }

    public static GatewayException downstream(String service, String detail) {
        return new GatewayException(502, "downstream_unavailable:" + service, "Downstream service unavailable",
                service + " did not answer: " + detail + ". Check that it runs (./aide status).");
    }
}
