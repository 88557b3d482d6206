package io.aide.aihub.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.SampleQueries;
import io.aide.aihub.service.SchemaSource;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves {@code @mapping / @code / @schema / @generation} references against the generation and data source a
 * request is about: the exact mapping row of the compiled spec version, the block's current SQL, a column's type with
 * sample values, a step's results. Every reference must resolve: the ones that do not are all named in one 422.
 */
@ApplicationScoped
public class ContextAssembler {
    /** Distinct sample values shown per referenced column. */
    static final int SAMPLE_VALUES = 5;

    private final GenerationSource generations;
    private final SchemaSource schemas;
    private final SampleQueries samples;

    public ContextAssembler(GenerationSource generations, SchemaSource schemas, SampleQueries samples) {
        this.generations = generations;
        this.schemas = schemas;
        this.samples = samples;
    }

    /** The generation and/or data source references are resolved against (either may be null). */
    public record Scope(String generationId, String dataSourceId) {
    }

    /** Resolves every reference; 422 {@code reference_malformed} or {@code reference_unknown} naming each failure. */
    public AssembledContext assemble(Caller caller, Scope scope, List<Reference> references) {
        List<String> malformed = references.stream().filter(r -> r.problem() != null).map(Reference::problem).toList();
        if (!malformed.isEmpty()) {
            throw new AiHubException(422, "reference_malformed", "Malformed reference", String.join("; ", malformed)
                    + ".");
        }
        Lookup lookup = new Lookup(caller, scope);
        List<ResolvedReference> resolved = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Reference r : references) {
            try {
                resolved.add(switch (r.kind()) {
                    case MAPPING -> mapping(lookup, r);
                    case CODE -> code(lookup, r);
                    case SCHEMA -> schema(lookup, r);
                    case GENERATION -> step(lookup, r);
                });
            } catch (Unknown e) {
                unknown.add(r.raw() + ": " + e.getMessage());
            }
        }
        if (!unknown.isEmpty()) {
            throw new AiHubException(422, "reference_unknown", "Unknown reference", "Not found: "
                    + String.join("; ", unknown) + ". Pick references from the generation's mapping rows, blocks, "
                    + "columns and steps.");
        }
        return new AssembledContext(resolved);
    }

    private ResolvedReference mapping(Lookup lookup, Reference r) {
        MappingSpec spec = lookup.spec();
        MappingRow row = spec.rows().stream().filter(m -> m.sheet().equalsIgnoreCase(r.sheet()) && m.rowNumber() == r.row())
                .findFirst().orElseThrow(() -> new Unknown("document " + spec.documentId() + " version "
                        + spec.version() + " has no row " + r.row() + " on sheet '" + r.sheet() + "' (sheets: "
                        + spec.rows().stream().map(MappingRow::sheet).distinct().collect(Collectors.joining(", ")) + ")"));
        ObjectNode fields = EventJson.mapper().valueToTree(row);
        fields.remove("sourceColumns");
        pruneEmpty(fields);
        return new ResolvedReference(r.raw(), "mapping", "mapping row of " + row.targetTable() + "." + row.targetColumn()
                + " (spec version " + spec.version() + ")", fields.toString());
    }

    private ResolvedReference code(Lookup lookup, Reference r) {
        List<JsonNode> matches = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode block : lookup.hashmap().path("blocks")) {
            String target = block.path("target").asText();
            String name = block.path("block_name").asText();
            names.add(target + "." + name);
            boolean whole = name.equalsIgnoreCase(r.value());
            boolean qualified = r.qualifier() != null && name.equalsIgnoreCase(r.leaf())
                    && target.equalsIgnoreCase(r.qualifier());
            if (whole || qualified) {
                matches.add(block);
            }
        }
        if (matches.isEmpty()) {
            throw new Unknown("generation " + lookup.scope.generationId() + " has no block '" + r.value() + "' (blocks: "
                    + String.join(", ", names) + ")");
        }
        if (matches.size() > 1) {
            throw new Unknown("block '" + r.value() + "' exists in several targets; write it as @code[target."
                    + r.value() + "] (" + matches.stream().map(b -> b.path("target").asText() + "."
                    + b.path("block_name").asText()).collect(Collectors.joining(", ")) + ")");
        }
        JsonNode b = matches.get(0);
        // each block carries its SQL once per dialect; the reference shows the primary dialect's text
        String dialect = lookup.hashmap().path("primary_dialect").asText("duckdb");
        return new ResolvedReference(r.raw(), "code", "block " + b.path("target").asText() + "."
                + b.path("block_name").asText() + ", version " + b.path("version").asInt() + " (" + dialect + ")",
                b.path("sql_by_dialect").path(dialect).asText());
    }

    private ResolvedReference schema(Lookup lookup, Reference r) {
        String table = r.qualifier();
        String column = r.leaf();
        String missing = null;
        if (lookup.dataSourceId() != null) {
            for (SchemaSnapshot.Table t : lookup.snapshot().tables()) {
                String qualified = t.schema() == null || t.schema().isBlank() ? t.name() : t.schema() + "." + t.name();
                if (!t.name().equalsIgnoreCase(table) && !qualified.equalsIgnoreCase(table)) {
                    continue;
                }
                SchemaSnapshot.Column c = t.column(column);
                if (c == null) {
                    missing = "table " + qualified + " has no column '" + column + "' (columns: "
                            + t.columns().stream().map(SchemaSnapshot.Column::name).collect(Collectors.joining(", "))
                            + ")";
                    continue;
                }
                return sourceColumn(lookup, r, t, c);
            }
        }
        if (lookup.scope.generationId() != null) {
            for (JsonNode target : lookup.lineage().path("targets")) {
                if (!target.path("target").asText().equalsIgnoreCase(table)) {
                    continue;
                }
                for (JsonNode c : target.path("columns")) {
                    if (c.path("column").asText().equalsIgnoreCase(column)) {
                        return new ResolvedReference(r.raw(), "schema", "target column " + target.path("target").asText()
                                + "." + c.path("column").asText(), c.toString());
                    }
                }
                missing = (missing == null ? "" : missing + ", and ") + "target " + table + " has no column '"
                        + column + "'";
            }
        }
        if (missing != null) {
            throw new Unknown(missing);
        }
        throw new Unknown(lookup.dataSourceId() == null && lookup.scope.generationId() == null
                ? "the request names no data source or generation to look the column up in"
                : "no source table or target named '" + table + "'");
    }

    private ResolvedReference sourceColumn(Lookup lookup, Reference r, SchemaSnapshot.Table t, SchemaSnapshot.Column c) {
        String sqlTable = sqlName(lookup.snapshot(), t);
        StringBuilder text = new StringBuilder();
        text.append("table ").append(sqlTable).append(", column ").append(c.name()).append(", type ").append(c.type())
                .append(c.nullable() ? ", nullable" : ", not null");
        if (t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
            text.append(", primary key");
        }
        t.foreignKeys().stream().filter(fk -> fk.columns().stream().anyMatch(k -> k.equalsIgnoreCase(c.name())))
                .forEach(fk -> text.append(", references ").append(fk.referencedTable()).append('(')
                        .append(String.join(", ", fk.referencedColumns())).append(')'));
        String quoted = quote(c.name());
        try {
            SampleQueries.Result values = samples.onDataSource(lookup.caller, lookup.dataSourceId(), "SELECT DISTINCT "
                    + "CAST(" + quoted + " AS VARCHAR) AS v FROM " + quoteQualified(sqlTable) + " WHERE " + quoted
                    + " IS NOT NULL ORDER BY 1 LIMIT " + SAMPLE_VALUES, SAMPLE_VALUES);
            text.append("\nsample values: ").append(values.rows().stream().map(row -> String.valueOf(row.get(0)))
                    .collect(Collectors.joining(", ")));
            if ("schema".equals(values.sampleKind())) {
                text.append(" (made up from the schema: the database could not be read)");
            }
        } catch (AiHubException e) {
            text.append("\nno sample values: ").append(e.getMessage());
        }
        return new ResolvedReference(r.raw(), "schema", "source column " + sqlTable + "." + c.name(), text.toString());
    }

    private ResolvedReference step(Lookup lookup, Reference r) {
        String step = r.value().toLowerCase(Locale.ROOT);
        JsonNode hashmap = lookup.hashmap();
        if (step.equals("compile") || step.equals("status")) {
            ObjectNode view = EventJson.mapper().createObjectNode();
            view.put("status", hashmap.path("status").asText());
            view.put("checkpoint", hashmap.path("checkpoint").asInt());
            view.set("columnsNeedingAttention", hashmap.path("columnsNeedingAttention"));
            view.set("layers", hashmap.path("layers"));
            if (hashmap.has("error")) {
                view.set("error", hashmap.path("error"));
            }
            return new ResolvedReference(r.raw(), "generation", "compile step of " + lookup.scope.generationId(),
                    view.toString());
        }
        Optional<JsonNode> validation = lookup.validation();
        if (validation.isEmpty()) {
            throw new Unknown("generation " + lookup.scope.generationId() + " has no validation yet; its steps are: "
                    + "compile");
        }
        JsonNode v = validation.get();
        List<JsonNode> results = new ArrayList<>();
        v.path("results").forEach(results::add);
        List<String> checks = results.stream().map(x -> x.path("check").asText()).distinct().toList();
        if (step.equals("validation")) {
            ObjectNode view = EventJson.mapper().createObjectNode();
            view.put("status", v.path("status").asText());
            view.put("checkpoint", v.path("checkpoint").asInt());
            view.put("message", v.path("message").asText());
            view.set("failing", EventJson.mapper().valueToTree(results.stream()
                    .filter(x -> !"pass".equals(x.path("status").asText()) && !"skipped".equals(x.path("status").asText()))
                    .limit(20).toList()));
            return new ResolvedReference(r.raw(), "generation", "validation step (checkpoint "
                    + v.path("checkpoint").asInt() + ")", view.toString());
        }
        List<JsonNode> ofCheck = results.stream().filter(x -> x.path("check").asText().equalsIgnoreCase(step)).toList();
        if (ofCheck.isEmpty()) {
            throw new Unknown("generation " + lookup.scope.generationId() + " has no step '" + r.value()
                    + "' (steps: compile, validation, " + String.join(", ", checks) + ")");
        }
        return new ResolvedReference(r.raw(), "generation", "validation check " + step + " ("
                + ofCheck.size() + " result(s))", EventJson.mapper().valueToTree(ofCheck).toString());
    }

    private static void pruneEmpty(ObjectNode node) {
        List<String> empty = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isContainerNode() && v.isEmpty())) {
                empty.add(e.getKey());
            }
        });
        empty.forEach(node::remove);
    }

    /** The table as the sample names it: qualified for registered databases, plain for uploaded files. */
    public static String sqlName(SchemaSnapshot snapshot, SchemaSnapshot.Table t) {
        boolean files = "files".equals(snapshot.kind());
        return files || t.schema() == null || t.schema().isBlank() ? t.name() : t.schema() + "." + t.name();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String quoteQualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    /** A reference that names nothing; the message says what exists instead. */
    private static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    /** What one request reads, each at most once. */
    private final class Lookup {
        final Caller caller;
        final Scope scope;
        private JsonNode hashmap;
        private JsonNode lineage;
        private MappingSpec spec;
        private SchemaSnapshot snapshot;
        private Optional<JsonNode> validation;

        Lookup(Caller caller, Scope scope) {
            this.caller = caller;
            this.scope = scope;
        }

        JsonNode hashmap() {
            if (scope.generationId() == null) {
                throw new Unknown("the request names no generation");
            }
            if (hashmap == null) {
                hashmap = generations.hashmap(caller, scope.generationId());
            }
            return hashmap;
        }

        JsonNode lineage() {
            if (lineage == null) {
                lineage = generations.lineage(caller, scope.generationId());
            }
            return lineage;
        }

        MappingSpec spec() {
            if (spec == null) {
                JsonNode h = hashmap();
                spec = generations.spec(caller, h.path("document_id").asText(),
                        h.path("spec_version").isInt() ? h.path("spec_version").asInt() : null);
            }
            return spec;
        }

        String dataSourceId() {
            if (scope.dataSourceId() != null) {
                return scope.dataSourceId();
            }
            if (scope.generationId() == null) {
                return null;
            }
            String id = hashmap().path("dataSourceId").asText(null);
            return id == null || id.isBlank() ? null : id;
        }

        SchemaSnapshot snapshot() {
            if (snapshot == null) {
                snapshot = schemas.snapshot(caller, dataSourceId());
            }
            return snapshot;
        }

        Optional<JsonNode> validation() {
            if (validation == null) {
                validation = generations.validation(caller, scope.generationId());
            }
            return validation;
        }
    }
}
