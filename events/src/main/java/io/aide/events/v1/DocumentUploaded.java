package io.aide.events.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aide.events.EventPayload;

import java.util.Map;
import java.util.Objects;

/**
 * A raw mapping file is stored in S3 and waits to be parsed.
 *
 * @param objectKey       S3 key of the raw file, always under the tenant's prefix
 * @param headerOverrides optional user override: canonical field -> header text, per upload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentUploaded(String documentId, String fileName, String objectKey, String contentType, long size,
                               String projectId, Map<String, String> headerOverrides, String uploadedBy)
        implements EventPayload {
    public static final String TYPE = "DocumentUploaded";

    public DocumentUploaded {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(objectKey, "objectKey");
        headerOverrides = headerOverrides == null ? Map.of() : Map.copyOf(headerOverrides);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
