package io.aide.validator.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.validation.SourceSchema;
import jakarta.enterprise.context.ApplicationScoped;
import io.aide.validator.config.ValidatorConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** document-service's schema snapshot of a registered database, for sample rows shaped like its tables. */
@ApplicationScoped
public class DocumentClient {
    private static final Logger LOG = Logger.getLogger(DocumentClient.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;

    public DocumentClient(ValidatorConfig config) {
        String baseUrl = config.documentUrl();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The tables of a data source's latest schema snapshot; empty when there is none or document-service is down. */
    public List<SourceSchema> schema(String tenantId, String dataSourceId) {
        URI uri = URI.create(baseUrl + "/internal/v1/datasources/" + URLEncoder.encode(dataSourceId, StandardCharsets.UTF_8)
                + "/schema");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("X-Aide-Tenant", tenantId).header("X-Aide-User", "validator-service").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.infof("no schema snapshot of data source %s (HTTP %d)", dataSourceId, response.statusCode());
                return List.of();
            }
            return tables(EventJson.mapper().readTree(response.body()).path("schema").path("tables"));
        } catch (IOException e) {
            LOG.warnf("document-service did not answer for the schema of %s: %s", dataSourceId, e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<SourceSchema> tables(JsonNode tables) {
        Map<String, Integer> nameCounts = new HashMap<>();
        tables.forEach(t -> nameCounts.merge(t.path("name").asText().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
        List<SourceSchema> out = new ArrayList<>();
        for (JsonNode t : tables) {
            String name = t.path("name").asText();
            String schema = t.path("schema").isTextual() ? t.path("schema").asText() : null;
            // unqualified unless two schemas hold a table of that name
            String sqlName = schema != null && nameCounts.get(name.toLowerCase(java.util.Locale.ROOT)) > 1 ? schema + "." + name : name;
            List<SourceSchema.Column> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(new SourceSchema.Column(c.path("name").asText(),
                    c.path("type").isTextual() ? c.path("type").asText() : null)));
            List<String> key = new ArrayList<>();
            t.path("primaryKey").forEach(k -> key.add(k.asText()));
            if (!name.isBlank() && !columns.isEmpty()) {
                out.add(new SourceSchema(sqlName, columns, key));
            }
        }
        return out;
    }
}
