package io.aide.aihub.viz;

import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.SampleQueries;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The agent's data tools. {@code run_sql}: one read-only query on the data source's sample through validator-service's
 * query endpoint ({@link SampleQueries}: its DuckDB sandbox, row and time limits, tenant check). {@code submit_spark}:
 * that endpoint has no Spark engine yet, so the tool answers a clear refusal instead of running somewhere else.
 */
@ApplicationScoped
public class QueryRunner {
    private final SampleQueries samples;
    private final int rowLimit;

    public QueryRunner(SampleQueries samples,
                       @ConfigProperty(name = "aide.viz.row-limit", defaultValue = "1000") int rowLimit) {
        this.samples = samples;
        this.rowLimit = rowLimit;
    }

    public enum Engine { DUCKDB, SPARK }

    public QueryResult run(Caller caller, String dataSourceId, String sql, Engine engine) {
        if (engine == Engine.SPARK) {
            throw new VizException(VizException.Stage.SQL_EXECUTION, "submit_spark is not available: validator-service "
                    + "runs chart queries on DuckDB only in this version. Choose the DuckDB engine.");
        }
        SampleQueries.Result result;
        try {
            result = samples.onDataSource(caller, dataSourceId, sql, rowLimit);
        } catch (AiHubException e) {
            throw new VizException(VizException.Stage.SQL_EXECUTION, "The query failed (" + e.code() + "): "
                    + e.getMessage());
        }
        List<QueryResult.Column> columns = result.columns().stream()
                .map(c -> new QueryResult.Column(c.name(), c.type())).toList();
        return new QueryResult(columns, result.rows(), result.truncated(), result.elapsedMs());
    }
}
