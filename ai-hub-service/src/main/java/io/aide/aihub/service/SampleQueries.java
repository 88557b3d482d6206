package io.aide.aihub.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.client.ValidatorClient;
import io.aide.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one read-only SQL query on a sample through validator-service ({@code POST /internal/v1/queries}): the rows a
 * data source's sample (or the sample a generation was validated on) gives for a SELECT, typed. What the validator
 * refuses (not a SELECT, syntax, unknown column, timeout, foreign sample) comes back as an {@link AiHubException}
 * with the validator's status, code and message, which name what is wrong.
 */
@ApplicationScoped
public class SampleQueries {
    private final ValidatorClient validator;
    private final long timeoutSeconds;

    public SampleQueries(@RestClient ValidatorClient validator,
                         @ConfigProperty(name = "aide.validator.query-timeout-seconds", defaultValue = "60")
                         long timeoutSeconds) {
        this.validator = validator;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A typed result column. */
    public record Column(String name, String type) {
    }

    /**
     * @param sampleKind what the query ran on: files, database, schema (made-up rows) or reference
     */
    public record Result(List<Column> columns, List<List<Object>> rows, boolean truncated, long elapsedMs,
                         String sampleKind, List<String> sampleTables) {
    }

    /** Runs {@code sql} on the data source's sample in the validator's DuckDB sandbox, at most {@code limit} rows. */
    public Result onDataSource(Caller caller, String dataSourceId, String sql, int limit) {
        return run(caller, "dataSourceId", dataSourceId, sql, limit, null);
    }

    /**
     * Runs Spark SQL on the data source's sample through the validator's Spark runner (on its master: local or a
     * cluster), at most {@code limit} rows; a validator without a reachable Spark answers 503.
     */
    public Result onDataSourceWithSpark(Caller caller, String dataSourceId, String sql, int limit) {
        return run(caller, "dataSourceId", dataSourceId, sql, limit, "spark");
    }

    /** Runs {@code sql} on the sample the generation was last validated on, at most {@code limit} rows. */
    public Result onGeneration(Caller caller, String generationId, String sql, int limit) {
        return run(caller, "generationId", generationId, sql, limit, null);
    }

    /**
     * Runs {@code sql} on the sample the generation was last validated on with one of the validator's engines:
     * {@code duckdb} (its sandbox), {@code spark} (its Spark runner; 503 when Spark is not reachable) or
     * {@code postgres} (the platform PostgreSQL's sandbox database; 503 when it cannot be reached).
     */
    public Result onGeneration(Caller caller, String generationId, String sql, int limit, String engine) {
        return run(caller, "generationId", generationId, sql, limit, "duckdb".equals(engine) ? null : engine);
    }

    private Result run(Caller caller, String field, String id, String sql, int limit, String engine) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, id);
        body.put("sql", sql);
        body.put("limit", limit);
        if (engine != null) {
            body.put("engine", engine);
        }
        String answer;
        try {
            answer = validator.query(caller.tenantId(), caller.userId(), caller.correlationId(), EventJson.toJson(body));
        } catch (DocumentClientErrors.Refused e) {
            throw new AiHubException(e.status(), e.code() == null ? "query_refused" : e.code(),
                    "Query refused", e.getMessage());
        } catch (DocumentClientErrors.Unavailable e) {
            if (e.code() != null && e.detail() != null) {
                // the validator answered why (e.g. unavailable:spark_starting): its words, not an outage of ours
                throw new AiHubException(503, e.code(), "Service unavailable", "validator-service: " + e.detail(), e);
            }
            throw validatorDown(e, engine);
        } catch (jakarta.ws.rs.ProcessingException | TimeoutException e) {
            throw validatorDown(e, engine);
        }
        return parse(answer);
    }

    private AiHubException validatorDown(RuntimeException e, String engine) {
        String spark = "spark".equals(engine) ? " A Spark query waits for the validator's Spark runner, whose cold "
                + "start takes about a minute: retry in a moment (AIDE_VALIDATOR_QUERY_TIMEOUT sets how long this "
                + "service waits, now " + timeoutSeconds + " s)." : " Retry in a moment.";
        return new AiHubException(503, "validator_unavailable", "Service unavailable", "validator-service does not "
                + "answer, so the query cannot run on the sample: " + e.getMessage() + "." + spark, e);
    }

    static Result parse(String json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            List<Column> columns = new ArrayList<>();
            node.path("columns").forEach(c -> columns.add(new Column(c.path("name").asText(), c.path("type").asText())));
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode r : node.path("rows")) {
                List<Object> row = new ArrayList<>();
                r.forEach(v -> row.add(EventJson.mapper().convertValue(v, Object.class)));
                rows.add(row);
            }
            List<String> tables = new ArrayList<>();
            node.path("sample").path("tables").forEach(t -> tables.add(t.asText()));
            return new Result(columns, rows, node.path("truncated").asBoolean(), node.path("elapsedMs").asLong(),
                    node.path("sample").path("kind").asText(null), tables);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AiHubException(502, "validator_answer_unreadable", "Bad answer", "validator-service answered "
                    + "a query with JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
