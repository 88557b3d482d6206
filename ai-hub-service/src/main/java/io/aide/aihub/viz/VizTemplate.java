package io.aide.aihub.viz;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A saved visualization as seed 001 gives it, plus the data source it re-runs on and who saved it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VizTemplate(String id, String prompt, @JsonProperty("generated_sql") String generatedSql,
                          @JsonProperty("ui_code") String uiCode, JsonNode parameters,
                          @JsonProperty("data_source") String dataSource,
                          @JsonProperty("data_source_id") String dataSourceId,
                          @JsonProperty("data_url") String dataUrl, @JsonProperty("created_by") String createdBy,
                          @JsonProperty("created_at") Instant createdAt,
                          @JsonProperty("updated_at") Instant updatedAt) {
}
