package io.aide.validator.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;
import io.aide.validation.SampleTable;
import io.aide.validation.SourceSchema;
import io.aide.validation.TypeMapping;
import jakarta.enterprise.context.ApplicationScoped;
import io.aide.validator.config.ValidatorConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import java.util.List;

/** document-service's view of a registered database: rows sampled from its tables, or its schema snapshot. */
@ApplicationScoped
public class DocumentClient {
    private static final Logger LOG = Logger.getLogger(DocumentClient.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final InternalTokens tokens;

    public DocumentClient(ValidatorConfig config, @ConfigProperty(name = "aide.internal.secret") String internalSecret) {
        this.tokens = new InternalTokens(internalSecret);
        String baseUrl = config.documentUrl();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The tables of a data source's latest schema snapshot; empty when there is none or document-service is down. */
    public List<SourceSchema> schema(String tenantId, String dataSourceId) {
        URI uri = URI.create(baseUrl + "/internal/v1/datasources/" + URLEncoder.encode(dataSourceId, StandardCharsets.UTF_8)
                + "/schema");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header(InternalTokens.HEADER, signed(tenantId)).GET().build(),
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

    /** validator-service acting for the tenant whose validation it runs; document-service reads the tenant from this. */
    private String signed(String tenantId) {
        return tokens.sign(InternalIdentity.ofService("validator-service", tenantId));
    }

    /** Rows of the database itself, or why there are none (the caller then synthesizes rows from the schema). */
    public record Sampled(List<SampleTable.Rows> tables, String problem) {
    }

    /**
     * Up to {@code limit} rows of each named table (every table when none is named), read by document-service with
     * the data source's own credentials; nothing when the source is not a database or cannot be reached.
     */
    public Sampled sample(String tenantId, String dataSourceId, List<String> tables, int limit) {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        tables.forEach(t -> query.append("&table=").append(URLEncoder.encode(t, StandardCharsets.UTF_8)));
        URI uri = URI.create(baseUrl + "/internal/v1/datasources/" + URLEncoder.encode(dataSourceId, StandardCharsets.UTF_8)
                + "/sample" + query);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header(InternalTokens.HEADER, signed(tenantId)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = EventJson.mapper().readTree(response.body().isBlank() ? "{}" : response.body());
            if (response.statusCode() != 200) {
                return new Sampled(List.of(), body.path("detail").asText("document-service answered HTTP "
                        + response.statusCode()));
            }
            return new Sampled(sampledTables(body.path("tables")), null);
        } catch (IOException e) {
            return new Sampled(List.of(), "document-service did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sampled(List.of(), "interrupted");
        }
    }

    /** Sampled tables with the database's types mapped to DuckDB's, named as the generated SQL names them. */
    static List<SampleTable.Rows> sampledTables(JsonNode tables) {
        List<SampleTable.Rows> out = new ArrayList<>();
        for (JsonNode t : tables) {
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (JsonNode c : t.path("columns")) {
                columns.add(c.path("name").asText());
                types.add(TypeMapping.map(c.path("type").asText(null)).map(TypeMapping.Target::duckdbType).orElse("VARCHAR"));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                List<Object> row = new ArrayList<>(columns.size());
                r.forEach(v -> row.add(v.isNull() ? null : v.asText()));
                rows.add(row);
            }
            if (!columns.isEmpty()) {
                out.add(new SampleTable.Rows(sqlName(t), columns, types, rows));
            }
        }
        return out;
    }

    /** schema.table whenever the database names a schema: the compiler qualifies tables of a registered schema. */
    private static String sqlName(JsonNode table) {
        String name = table.path("name").asText();
        String schema = table.path("schema").isTextual() && !table.path("schema").asText().isBlank()
                ? table.path("schema").asText() : null;
        return schema == null ? name : schema + "." + name;
    }

    static List<SourceSchema> tables(JsonNode tables) {
        List<SourceSchema> out = new ArrayList<>();
        for (JsonNode t : tables) {
            String name = t.path("name").asText();
            String sqlName = sqlName(t);
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
