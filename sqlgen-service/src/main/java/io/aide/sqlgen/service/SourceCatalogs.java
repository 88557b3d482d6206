package io.aide.sqlgen.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.compiler.SchemaCatalog;
import io.aide.events.EventJson;
import io.aide.sqlgen.client.DataSourceClient;
import io.aide.sqlgen.client.DocumentClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The schema a generation binds to: the latest snapshot of its data source, as the compiler's catalog. */
@ApplicationScoped
public class SourceCatalogs {
    /** Sample files the validator loads as text; their inferred types would skip casts the SQL needs on that text. */
    private static final Set<String> TEXT_FILES = Set.of("csv", "tsv", "txt");

    private final DataSourceClient dataSources;

    public SourceCatalogs(@RestClient DataSourceClient dataSources) {
        this.dataSources = dataSources;
    }

    /** A catalog, or why there is none (shown to the user as a thought; the generation goes on without it). */
    public record Loaded(SchemaCatalog catalog, String problem) {
    }

    public Loaded load(String tenant, String correlationId, String dataSourceId) {
        if (dataSourceId == null || dataSourceId.isBlank()) {
            return new Loaded(null, null);
        }
        try {
            return new Loaded(catalog(EventJson.mapper().readTree(dataSources.schema(tenant, correlationId,
                    dataSourceId))), null);
        } catch (DocumentClientErrors.Refused e) {
            String why = "schema_not_introspected".equals(e.code())
                    ? "data source '" + dataSourceId + "' has no schema snapshot yet (take one with POST /api/v1/datasources/"
                    + dataSourceId + "/introspect)"
                    : "data source '" + dataSourceId + "' is not available (" + e.getMessage() + ")";
            return new Loaded(null, why);
        } catch (Exception e) {
            return new Loaded(null, "the schema of data source '" + dataSourceId + "' could not be read ("
                    + e.getMessage() + ")");
        }
    }

    /** document-service's snapshot view ({@code schema.tables[]}) as the compiler's catalog. */
    static SchemaCatalog catalog(JsonNode view) {
        JsonNode schema = view.has("schema") ? view.get("schema") : view;
        boolean files = "files".equalsIgnoreCase(schema.path("kind").asText(""));
        List<SchemaCatalog.Table> tables = new ArrayList<>();
        for (JsonNode t : schema.path("tables")) {
            String name = t.path("name").asText(null);
            if (name == null) {
                continue;
            }
            boolean text = files && isTextFile(t.path("origin").asText(""));
            List<SchemaCatalog.Column> columns = new ArrayList<>();
            for (JsonNode c : t.path("columns")) {
                columns.add(new SchemaCatalog.Column(c.path("name").asText(), text ? "VARCHAR" : c.path("type").asText(null)));
            }
            List<SchemaCatalog.ForeignKey> fks = new ArrayList<>();
            for (JsonNode fk : t.path("foreignKeys")) {
                String referenced = fk.path("referencedTable").asText(null);
                if (referenced == null) {
                    continue;
                }
                String refSchema = fk.path("referencedSchema").asText(null);
                fks.add(new SchemaCatalog.ForeignKey(strings(fk.path("columns")),
                        refSchema == null || refSchema.isBlank() ? referenced : refSchema + "." + referenced,
                        strings(fk.path("referencedColumns"))));
            }
            tables.add(new SchemaCatalog.Table(Optional.ofNullable(t.path("schema").asText(null)).filter(s -> !s.isBlank())
                    .orElse(null), name, columns, strings(t.path("primaryKey")), fks));
        }
        return new SchemaCatalog(tables);
    }

    private static boolean isTextFile(String origin) {
        int dot = origin.lastIndexOf('.');
        return dot < 0 || TEXT_FILES.contains(origin.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
