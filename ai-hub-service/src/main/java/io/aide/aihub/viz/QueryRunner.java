package io.aide.aihub.viz;

import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.SampleQueries;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The agent's data tools, both through validator-service's query endpoint ({@link SampleQueries}: row and time limits,
 * tenant check) on the data source's sample. {@code run_sql}: DuckDB in the validator's sandbox. {@code submit_spark}:
 * Spark SQL run by the validator's Spark runner, on its master (local, or a cluster such as the standalone one
 * ./aide starts); when no Spark is reachable the validator answers 503 and the tool reports it.
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
        SampleQueries.Result result;
        try {
            result = engine == Engine.SPARK ? samples.onDataSourceWithSpark(caller, dataSourceId, sql, rowLimit)
                    : samples.onDataSource(caller, dataSourceId, sql, rowLimit);
        } catch (AiHubException e) {
            String tool = engine == Engine.SPARK ? "submit_spark" : "run_sql";
            throw new VizException(VizException.Stage.SQL_EXECUTION, tool + " failed (" + e.code() + "): "
                    + e.getMessage());
        }
        List<QueryResult.Column> columns = result.columns().stream()
                .map(c -> new QueryResult.Column(c.name(), c.type())).toList();
        return new QueryResult(columns, result.rows(), result.truncated(), result.elapsedMs());
    }
}
