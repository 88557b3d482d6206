package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aide.aihub.client.DataSourceClient;
import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Saved visualizations, shared by everyone of one tenant and never seen by another (404, as for an unknown id); a
 * template names only a data source of its tenant (422 at save otherwise).
 * A template re-runs its SQL on fresh data: the new result gets a new data URL.
 */
@ApplicationScoped
public class VizTemplates {
    static final int MAX_CODE = 200_000;

    private final VizTemplateRepository repository;
    private final QueryRunner queries;
    private final VizDataStore data;
    private final DataSourceClient dataSources;

    public VizTemplates(VizTemplateRepository repository, QueryRunner queries, VizDataStore data,
                        @RestClient DataSourceClient dataSources) {
        this.repository = repository;
        this.queries = queries;
        this.data = data;
        this.dataSources = dataSources;
    }

    public List<VizTemplate> list(Caller caller) {
        return repository.list(caller.tenantId());
    }

    public VizTemplate get(Caller caller, String id) {
        return repository.find(caller.tenantId(), id).orElseThrow(() -> notFound(id));
    }

    public VizTemplate create(Caller caller, VizTemplate body) {
        VizTemplate valid = validated(body);
        requireOwnDataSource(caller, valid.dataSourceId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VizTemplate saved = new VizTemplate(UUID.randomUUID().toString(), valid.prompt(), valid.generatedSql(),
                valid.uiCode(), valid.parameters(), valid.dataSource(), valid.dataSourceId(), valid.dataUrl(),
                caller.userId(), now, now);
        repository.insert(caller.tenantId(), saved);
        return saved;
    }

    public VizTemplate update(Caller caller, String id, VizTemplate body) {
        VizTemplate current = get(caller, id);
        VizTemplate valid = validated(body);
        requireOwnDataSource(caller, valid.dataSourceId());
        VizTemplate saved = new VizTemplate(id, valid.prompt(), valid.generatedSql(), valid.uiCode(),
                valid.parameters(), valid.dataSource(), valid.dataSourceId(), valid.dataUrl(), current.createdBy(),
                current.createdAt(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (!repository.update(caller.tenantId(), saved)) {
            throw notFound(id);
        }
        return saved;
    }

    public void delete(Caller caller, String id) {
        if (!repository.delete(caller.tenantId(), id)) {
            throw notFound(id);
        }
    }

    /** Runs the template's SQL again on its data source; the template keeps the new data URL. */
    public VizDataStore.Stored rerun(Caller caller, String id) {
        VizTemplate t = get(caller, id);
        if (t.dataSourceId() == null || t.dataSourceId().isBlank()) {
            throw AiHubException.badRequest("viz_template_without_datasource", "Template '" + id + "' names no "
                    + "data source to run on; save it again with 'data_source_id'.");
        }
        QueryResult result;
        try {
            result = queries.run(caller, t.dataSourceId(), t.generatedSql(),
                    "spark".equals(t.dataSource()) ? QueryRunner.Engine.SPARK : QueryRunner.Engine.DUCKDB);
        } catch (VizException e) {
            throw new AiHubException(422, "viz_query_failed", "Query failed", e.getMessage());
        }
        VizDataStore.Stored stored;
        try {
            stored = data.store(caller.tenantId(), result);
        } catch (VizDataStore.TooLarge e) {
            throw new AiHubException(422, "viz_result_too_large", "Result too large", e.getMessage());
        }
        repository.update(caller.tenantId(), new VizTemplate(t.id(), t.prompt(), t.generatedSql(), t.uiCode(),
                t.parameters(), t.dataSource(), t.dataSourceId(), stored.url(), t.createdBy(), t.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return stored;
    }

    /**
     * A template may name only a data source of the caller's tenant (asked of document-service, which answers 404 for
     * another tenant's id as for an unknown one); no data source at all is allowed, the template then cannot re-run.
     */
    private void requireOwnDataSource(Caller caller, String dataSourceId) {
        if (dataSourceId == null || dataSourceId.isBlank()) {
            return;
        }
        try {
            dataSources.get(caller.tenantId(), caller.userId(), caller.correlationId(), dataSourceId);
        } catch (DocumentClientErrors.Refused e) {
            if (e.status() == 404) {
                throw new AiHubException(422, "viz_template_datasource_unknown", "Unknown data source",
                        "Field 'data_source_id' names data source '" + dataSourceId + "', which is not in your "
                                + "tenant; use the id of one of your data sources (GET /api/v1/datasources lists "
                                + "them). Nothing was saved.");
            }
            throw new AiHubException(422, "viz_template_datasource_unknown", "Unknown data source",
                    "Field 'data_source_id': document-service refused data source '" + dataSourceId + "' ("
                            + e.getMessage() + "). Nothing was saved.");
        } catch (RuntimeException e) {
            throw new AiHubException(503, "document_service_unavailable", "Data sources cannot be checked",
                    "The template's data source '" + dataSourceId + "' cannot be checked now (document-service: "
                            + e.getMessage() + "); nothing was saved, retry shortly.", e);
        }
    }

    static VizTemplate validated(VizTemplate t) {
        if (t == null) {
            throw AiHubException.badRequest("viz_template_missing", "The body must be a template: {prompt, "
                    + "generated_sql, ui_code, parameters, data_source, data_source_id, data_url}.");
        }
        require(t.prompt(), "prompt", "the question the chart answers");
        require(t.generatedSql(), "generated_sql", "the SQL the chart runs");
        require(t.uiCode(), "ui_code", "the component, export default function Viz({ data, params })");
        if (t.uiCode().length() > MAX_CODE) {
            throw AiHubException.badRequest("viz_template_invalid", "Field 'ui_code' has " + t.uiCode().length()
                    + " characters; at most " + MAX_CODE + " are kept.");
        }
        if (!t.uiCode().contains("export default")) {
            throw AiHubException.badRequest("viz_template_invalid", "Field 'ui_code' has no default export; it must "
                    + "be export default function Viz({ data, params }) { ... }.");
        }
        String source = t.dataSource() == null || t.dataSource().isBlank() ? "duckdb" : t.dataSource().trim();
        if (!source.equals("duckdb") && !source.equals("spark")) {
            throw AiHubException.badRequest("viz_template_invalid", "Field 'data_source' is '" + t.dataSource()
                    + "'; use 'duckdb' or 'spark'.");
        }
        JsonNode parameters = t.parameters() == null || t.parameters().isNull()
                ? JsonNodeFactory.instance.objectNode() : t.parameters();
        if (!parameters.isObject()) {
            throw AiHubException.badRequest("viz_template_invalid", "Field 'parameters' must be a JSON object such "
                    + "as {\"title\": \"Sales by region\", \"chart_type\": \"bar\"}.");
        }
        return new VizTemplate(t.id(), t.prompt().trim(), t.generatedSql().trim(), t.uiCode(), parameters, source,
                t.dataSourceId(), t.dataUrl(), null, null, null);
    }

    private static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw AiHubException.badRequest("viz_template_invalid", "Field '" + field + "' is required: " + what
                    + ".");
        }
    }

    private static AiHubException notFound(String id) {
        return AiHubException.notFound("viz_template_not_found", "No visualization template '" + id
                + "' in your tenant.");
    }
}
