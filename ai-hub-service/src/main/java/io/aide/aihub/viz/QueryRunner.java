package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's data tools, both on validator-service's read-only query endpoint ({@code POST /internal/v1/queries},
 * its sandbox, row and time limits), signed as ai-hub-service acting for the caller: {@code run_sql} on DuckDB over
 * the data source's sample, {@code submit_spark} with {@code engine: spark} on the validator's Spark runner.
 */
@ApplicationScoped
public class QueryRunner {
    private static final String SERVICE = "ai-hub-service";

    private final String validatorUrl;
    private final int rowLimit;
    private final Duration timeout;
    private final InternalTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();

    public QueryRunner(@ConfigProperty(name = "aide.viz.validator-url") String validatorUrl,
                       @ConfigProperty(name = "aide.viz.row-limit", defaultValue = "100000") int rowLimit,
                       @ConfigProperty(name = "aide.viz.query-timeout", defaultValue = "120S") Duration timeout,
                       @ConfigProperty(name = "aide.internal.secret") String secret) {
        this.validatorUrl = validatorUrl.replaceAll("/+$", "");
        this.rowLimit = rowLimit;
        this.timeout = timeout;
        this.tokens = new InternalTokens(secret);
    }

    public enum Engine { DUCKDB, SPARK }

    public QueryResult run(String tenantId, String userId, String dataSourceId, String sql, Engine engine) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataSourceId", dataSourceId);
        body.put("sql", sql);
        body.put("limit", rowLimit);
        if (engine == Engine.SPARK) {
            body.put("engine", "spark");
        }
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(validatorUrl + "/internal/v1/queries"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header(InternalTokens.HEADER, tokens.sign(new InternalIdentity(tenantId, userId, List.of(),
                            SERVICE)))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VizException(VizException.Stage.SQL_EXECUTION, "validator-service did not answer at "
                    + validatorUrl + " (" + e.getMessage() + "); check that it runs (AIDE_VALIDATOR_URL).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VizException(VizException.Stage.SQL_EXECUTION, "the query was interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = answer == null ? response.body() : answer.path("detail").asText(response.body());
            String code = answer == null ? "" : answer.path("code").asText("");
            throw new VizException(VizException.Stage.SQL_EXECUTION, "The query failed"
                    + (code.isEmpty() ? "" : " (" + code + ")") + ": " + detail);
        }
        try {
            return json.treeToValue(answer, QueryResult.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new VizException(VizException.Stage.DATA_FETCH, "validator-service answered a result this version "
                    + "cannot read: " + e.getMessage());
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
