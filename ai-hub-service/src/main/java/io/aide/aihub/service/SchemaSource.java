package io.aide.aihub.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.client.DataSourceClient;
import io.aide.aihub.client.DocumentClientErrors;
import io.aide.aihub.modeler.SampleRows;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema snapshot and sample rows of a tenant's data source: the snapshot and a registered database's rows from
 * document-service; the rows of uploaded sample files from validator-service's query sandbox, which loads them.
 */
@ApplicationScoped
public class SchemaSource {
    private static final Logger LOG = Logger.getLogger(SchemaSource.class);
    /** Rows read per table for the integrity check. */
    static final int SAMPLE_ROWS = 1000;

    private final DataSourceClient client;
    private final SampleQueries samples;

    public SchemaSource(@RestClient DataSourceClient client, SampleQueries samples) {
        this.client = client;
        this.samples = samples;
    }

    /** @param note how the sample was obtained, or why there is none */
    public record Loaded(SchemaSnapshot snapshot, SampleRows sample, String note) {
    }

    public Loaded load(Caller caller, String dataSourceId) {
        SchemaSnapshot snapshot = snapshot(caller, dataSourceId);
        if ("files".equals(snapshot.kind())) {
            return fileRows(caller, dataSourceId, snapshot);
        }
        try {
            JsonNode sample = EventJson.mapper().readTree(client.sample(caller.tenantId(), caller.userId(),
                    caller.correlationId(), dataSourceId, SAMPLE_ROWS));
            List<SampleRows.Table> tables = new ArrayList<>();
            for (JsonNode t : sample.path("tables")) {
                tables.add(EventJson.mapper().treeToValue(t, SampleRows.Table.class));
            }
            return new Loaded(snapshot, new SampleRows(tables), "up to " + SAMPLE_ROWS + " sample rows of "
                    + tables.size() + " table(s)");
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.infof("no sample rows for data source %s: %s", dataSourceId, e.getMessage());
            return new Loaded(snapshot, SampleRows.NONE, "no sample rows (" + e.getMessage()
                    + "): integrity measured on the schema only");
        }
    }

    /**
     * The first rows of each uploaded file, read in the validator's sandbox (document-service serves rows of
     * registered databases only). Without them the keys, references and orphans are judged on the schema alone.
     */
    private Loaded fileRows(Caller caller, String dataSourceId, SchemaSnapshot snapshot) {
        List<SampleRows.Table> tables = new ArrayList<>();
        try {
            for (SchemaSnapshot.Table t : snapshot.tables()) {
                SampleQueries.Result rows = samples.onDataSource(caller, dataSourceId, "SELECT * FROM \""
                        + t.name().replace("\"", "\"\"") + "\"", SAMPLE_ROWS);
                tables.add(new SampleRows.Table(t.schema(), t.name(), rows.columns().stream()
                        .map(c -> new SampleRows.Column(c.name(), c.type())).toList(),
                        rows.rows().stream().map(SchemaSource::asText).toList(), rows.truncated()));
            }
        } catch (RuntimeException e) {
            // the analysis goes on without rows (and says so): the validator refusing or being away is not an error here
            LOG.infof("no sample rows for the files of data source %s: %s", dataSourceId, e.getMessage());
            return new Loaded(snapshot, SampleRows.NONE, "uploaded sample files whose rows could not be read ("
                    + e.getMessage() + "): integrity measured on the schema only");
        }
        return new Loaded(snapshot, new SampleRows(tables), "up to " + SAMPLE_ROWS + " rows of each of "
                + tables.size() + " uploaded sample file(s)");
    }

    /** A row's values as text, as document-service serves a database's sample rows (NULL stays null). */
    static List<String> asText(List<Object> row) {
        return row.stream().map(v -> v == null ? null : v instanceof String text ? text : String.valueOf(v)).toList();
    }

    /** The latest schema snapshot of the tenant's data source; 404/422/503 as AiHubException otherwise. */
    public SchemaSnapshot snapshot(Caller caller, String dataSourceId) {
        SchemaSnapshot snapshot;
        try {
            JsonNode view = EventJson.mapper().readTree(client.schema(caller.tenantId(), caller.userId(),
                    caller.correlationId(), dataSourceId));
            snapshot = EventJson.mapper().treeToValue(view.path("schema"), SchemaSnapshot.class);
        } catch (DocumentClientErrors.Refused e) {
            // document-service names it data_source_not_found; the AI endpoints document datasource_not_found
            throw e.status() == 404 ? AiHubException.notFound("datasource_not_found", e.getMessage())
                    : new AiHubException(e.status(), e.code() == null ? "datasource_unavailable" : e.code(),
                    "Data source unavailable", e.getMessage());
        } catch (DocumentClientErrors.Unavailable | jakarta.ws.rs.ProcessingException | TimeoutException e) {
            throw documentServiceDown(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AiHubException(502, "datasource_schema_unreadable", "Bad schema snapshot",
                    "document-service returned a schema snapshot of data source '" + dataSourceId + "' that cannot be "
                            + "read: " + e.getOriginalMessage() + ". Introspect the data source again.", e);
        }
        if (snapshot == null || snapshot.tables().isEmpty()) {
            throw new AiHubException(422, "datasource_schema_empty", "Empty schema", "Data source '" + dataSourceId
                    + "' has no tables in its latest schema snapshot. Introspect it again (POST /api/v1/datasources/"
                    + dataSourceId + "/introspect) once it holds tables.");
        }
        return snapshot;
    }

    private static AiHubException documentServiceDown(Exception e) {
        return new AiHubException(503, "document_service_unavailable", "Service unavailable",
                "document-service does not answer, so the schema of the data source cannot be read: "
                        + e.getMessage() + ". Retry in a moment.", e);
    }
}
