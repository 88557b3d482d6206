package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

/** SSE {@code data_ready}: a result set or artifact is available at {@code url}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataReady(String url, long size, String format) implements EventPayload {
    public static final String TYPE = "DataReady";

    @Override
    public String eventType() {
        return TYPE;
    }
}
