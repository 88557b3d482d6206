package io.aide.gateway.rest;

/** Every failure the gateway reports to a client; mapped to problem+json with its status and code. */
public class GatewayException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;

    public GatewayException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
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

    public static GatewayException downstream(String service, String detail) {
        return new GatewayException(502, "downstream_unavailable:" + service, "Downstream service unavailable",
                service + " did not answer: " + detail + ". Check that it runs (./aide status).");
    }
}
