package io.aide.aihub.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns document-service answers into a refusal (4xx, final) or an outage (5xx, retried). */
public class DocumentClientErrors implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public RuntimeException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String code = null;
        String detail = null;
        try {
            JsonNode problem = EventJson.mapper().readTree(body);
            code = problem.path("code").asText(null);
            detail = problem.path("detail").asText(null);
        } catch (Exception ignored) {
            // not problem JSON: keep the status alone
        }
        if (response.getStatus() >= 500) {
            return new Unavailable("document-service answered " + response.getStatus()
                    + (detail == null ? "" : ": " + detail), code, detail);
        }
        return new Refused(response.getStatus(), code, detail);
    }

    /** document-service said no: the data source is unknown, not introspected, or cannot be sampled. */
    public static class Refused extends RuntimeException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String detail) {
            super(detail == null ? "document-service answered " + status : detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** The service is down or failing; worth retrying. Its problem's code and detail when it answered one. */
    public static class Unavailable extends RuntimeException {
        private final String code;
        private final String detail;

        public Unavailable(String message) {
            this(message, null, null);
        }

        public Unavailable(String message, String code, String detail) {
            super(message);
            this.code = code;
            this.detail = detail;
        }

        /** The problem's code, e.g. {@code unavailable:spark_starting}; null when the answer was not a problem. */
        public String code() {
            return code;
        }

        public String detail() {
            return detail;
        }
    }
}
