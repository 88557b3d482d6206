package io.aide.aihub.context;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.SampleQueries;
import io.aide.aihub.service.SchemaSource;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolution rules, on the answers sqlgen, document-service and the validator give (their wire formats as
 * recorded here); the calls themselves are covered where those services run.
 */
class ContextAssemblerTest {
    private static final Caller CALLER = new Caller("acme", "alice", "corr-1");
    private static final String HASHMAP = """
            {"generation_id": "gen_1", "status": "completed", "document_id": "doc_1", "spec_version": 2, "checkpoint": 3,
             "dataSourceId": "ds_1", "columnsNeedingAttention": 1, "primary_dialect": "duckdb",
             "dialects": ["duckdb", "postgres"],
             "blocks": {
               "orders/select_clause": {"target": "orders", "block_name": "select_clause", "version": 1,
                                        "sql_by_dialect": {"duckdb": "SELECT o.id AS order_id",
                                                           "postgres": "SELECT o.id AS order_id"}},
               "orders/joins": {"target": "orders", "block_name": "joins", "version": 4,
                                "sql_by_dialect": {"duckdb": "FROM orders o LEFT JOIN customers c ON c.id = o.customer_id",
                                                   "postgres": "FROM orders AS o LEFT JOIN customers AS c ON c.id = o.customer_id"}},
               "customers/joins": {"target": "customers", "block_name": "joins", "version": 1,
                                   "sql_by_dialect": {"duckdb": "FROM customers c"}}},
             "layers": [{"target": "orders", "status": "completed"}]}
            """;
    private static final String LINEAGE = """
            {"generationId": "gen_1", "targets": [{"target": "orders", "columns": [
              {"column": "order_status", "type": "VARCHAR(10)", "mappingRef": "@mapping[Orders Map:7]",
               "status": "needs_attention", "reason": "rule not understood", "sources": ["orders.status"]}]}]}
            """;
    private static final String VALIDATION = """
            {"validationId": "val_1", "checkpoint": 3, "status": "fail", "message": "2 checks: 1 pass, 1 fail",
             "results": [{"check": "syntax", "status": "pass"},
                         {"check": "pk_unique", "status": "fail", "target": "orders", "message": "pk:duplicate: 2 rows"}]}
            """;

    private final List<String> sampleQueries = new ArrayList<>();

    private ContextAssembler assembler(boolean validated) {
        GenerationSource generations = new GenerationSource(null, null, null) {
            @Override
            public JsonNode hashmap(Caller caller, String generationId) {
                if (!"gen_1".equals(generationId)) {
                    throw AiHubException.notFound("generation_not_found", "no " + generationId);
                }
                return json(HASHMAP);
            }

            @Override
            public JsonNode lineage(Caller caller, String generationId) {
                return json(LINEAGE);
            }

            @Override
            public Optional<JsonNode> validation(Caller caller, String generationId) {
                return validated ? Optional.of(json(VALIDATION)) : Optional.empty();
            }

            @Override
            public MappingSpec spec(Caller caller, String documentId, Integer version) {
                assertThat(documentId).isEqualTo("doc_1");
                assertThat(version).isEqualTo(2);
                MappingRow row = new MappingRow(null, "Orders Map", 7, "orders", "order_status", "VARCHAR(10)", null,
                        "orders", List.of(), "orders.status", "map O to Open, C to Closed", null, null, false, null,
                        null, null, "status of the order", Map.of());
                return new MappingSpec("doc_1", "acme", 2, "orders.xlsx", "xlsx", Map.of(), List.of(), List.of(row),
                        List.of(), List.of());
            }
        };
        SchemaSource schemas = new SchemaSource(null, null) {
            @Override
            public SchemaSnapshot snapshot(Caller caller, String dataSourceId) {
                return new SchemaSnapshot(dataSourceId, "postgresql", "shop", List.of(new SchemaSnapshot.Table("sales",
                        "orders", "table", List.of(new SchemaSnapshot.Column("id", "int4", 1, false),
                        new SchemaSnapshot.Column("status", "varchar(1)", 2, true)), List.of("id"), List.of(), null)));
            }
        };
        SampleQueries samples = new SampleQueries(null, 60) {
            @Override
            public Result onDataSource(Caller caller, String dataSourceId, String sql, int limit) {
                sampleQueries.add(sql);
                return new Result(List.of(new Column("v", "VARCHAR")), List.of(List.of("C"), List.of("O")), false, 3,
                        "database", List.of("sales.orders"));
            }
        };
        return new ContextAssembler(generations, schemas, samples);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AssembledContext assemble(String text) {
        return assembler(true).assemble(CALLER, new ContextAssembler.Scope("gen_1", null), References.parse(text));
    }

    @Test
    void shouldResolveTheExactMappingRowOfTheCompiledSpecVersion() {
        // When
        AssembledContext context = assemble("@mapping[orders map:7]");

        // Then
        ResolvedReference ref = context.references().get(0);
        assertThat(ref.title()).isEqualTo("mapping row of orders.order_status (spec version 2)");
        assertThat(ref.content()).contains("\"transformation\":\"map O to Open, C to Closed\"")
                .contains("\"rowNumber\":7").doesNotContain("\"join\"");
    }

    @Test
    void shouldResolveABlockByTargetAndNameToItsCurrentSql() {
        // When
        AssembledContext context = assemble("@code[orders.joins]");

        // Then
        assertThat(context.references().get(0).title()).isEqualTo("block orders.joins, version 4 (duckdb)");
        assertThat(context.references().get(0).content()).isEqualTo(
                "FROM orders o LEFT JOIN customers c ON c.id = o.customer_id");
        assertThat(context.prompt()).startsWith("### @code[orders.joins]: block orders.joins, version 4 (duckdb)\n");
    }

    @Test
    void shouldAskForTheTargetWhenABlockNameIsInSeveralTargets() {
        // When / Then
        assertThatThrownBy(() -> assemble("@code[joins]")).isInstanceOfSatisfying(AiHubException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("reference_unknown");
            assertThat(e.getMessage()).contains("@code[joins]: block 'joins' exists in several targets")
                    .contains("orders.joins, customers.joins");
        });
    }

    @Test
    void shouldResolveASourceColumnWithTypeKeyAndSampleValues() {
        // When
        AssembledContext context = assemble("@schema[sales.orders.status] and @schema[orders.id]");

        // Then
        assertThat(context.references()).extracting(ResolvedReference::title)
                .containsExactly("source column sales.orders.status", "source column sales.orders.id");
        assertThat(context.references().get(0).content()).isEqualTo(
                "table sales.orders, column status, type varchar(1), nullable\nsample values: C, O");
        assertThat(context.references().get(1).content()).contains("not null, primary key");
        assertThat(sampleQueries.get(0)).isEqualTo("SELECT DISTINCT CAST(\"status\" AS VARCHAR) AS v FROM "
                + "\"sales\".\"orders\" WHERE \"status\" IS NOT NULL ORDER BY 1 LIMIT 5");
    }

    @Test
    void shouldResolveATargetColumnFromTheLineage() {
        // When
        AssembledContext context = assemble("@schema[orders.order_status]");

        // Then
        assertThat(context.references().get(0).title()).isEqualTo("target column orders.order_status");
        assertThat(context.references().get(0).content()).contains("\"status\":\"needs_attention\"");
    }

    @Test
    void shouldResolveGenerationStepsToTheirResults() {
        // When
        AssembledContext context = assemble("@generation[compile] @generation[validation] @generation[pk_unique]");

        // Then
        assertThat(context.references()).extracting(ResolvedReference::title).containsExactly(
                "compile step of gen_1", "validation step (checkpoint 3)", "validation check pk_unique (1 result(s))");
        assertThat(context.references().get(1).content()).contains("pk:duplicate: 2 rows").doesNotContain("\"syntax\"");
    }

    @Test
    void shouldNameEveryUnknownReferenceInOneRefusal() {
        // When / Then
        assertThatThrownBy(() -> assemble("@mapping[Orders Map:99] @code[orders.where_clause] @schema[orders.nope] "
                + "@generation[deploy]")).isInstanceOfSatisfying(AiHubException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage())
                    .contains("@mapping[Orders Map:99]: document doc_1 version 2 has no row 99 on sheet 'Orders Map'")
                    .contains("@code[orders.where_clause]: generation gen_1 has no block 'orders.where_clause'")
                    .contains("@schema[orders.nope]: table sales.orders has no column 'nope' (columns: id, status), and target orders has no column 'nope'")
                    .contains("@generation[deploy]: generation gen_1 has no step 'deploy' (steps: compile, validation, "
                            + "syntax, pk_unique)");
        });
    }

    @Test
    void shouldRefuseMalformedReferencesBeforeLookingAnythingUp() {
        // When / Then
        assertThatThrownBy(() -> assemble("@mapping[Orders Map]")).isInstanceOfSatisfying(AiHubException.class, e -> {
            assertThat(e.code()).isEqualTo("reference_malformed");
            assertThat(e.getMessage()).contains("should be @mapping[Sheet:row]");
        });
        assertThat(sampleQueries).isEmpty();
    }

    @Test
    void shouldSayAGenerationWithoutValidationHasOnlyItsCompileStep() {
        // When / Then
        assertThatThrownBy(() -> assembler(false).assemble(CALLER, new ContextAssembler.Scope("gen_1", null),
                References.parse("@generation[validation]"))).isInstanceOfSatisfying(AiHubException.class,
                e -> assertThat(e.getMessage()).contains("has no validation yet; its steps are: compile"));
    }
}
