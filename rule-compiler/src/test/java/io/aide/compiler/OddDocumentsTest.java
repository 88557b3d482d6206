package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents nobody planned for still compile: every defined column comes out, compiled or flagged. */
class OddDocumentsTest {
    private static final String[] RULES = {null, "", "Direct move", "TBD", "((", "If then else", "Sum of", "a.b.c = 1",
            "CASE WHEN x THEN", "'unterminated", "→ NULL", "x -> y -> z", "Lookup via missing.map", "amount / 0",
            "Parsed %Q", "Concatenate", "Default", "see row 5", "=SUM(A1:A9)", "NULL", "Count of rows where status = 'A'"};
    private static final String[] JOINS = {null, "", "a.x = b.y", "t1 -> t2", "left join on id", "raw.id = other.id (left join)"};

    @Test
    void shouldEmitEveryDefinedColumnWithoutFailingOnOddRows() {
        // Given rows with missing, malformed and unusual fields
        Random random = new Random(42);
        List<MappingRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String table = random.nextInt(4) == 0 ? null : "t" + random.nextInt(3);
            String column = random.nextInt(5) == 0 ? null : "c" + random.nextInt(5);
            List<SourceRef> refs = column == null ? List.of() : List.of(new SourceRef(null, table, column));
            rows.add(new MappingRow(null, "S", i + 2, "target" + random.nextInt(4), random.nextInt(10) == 0 ? null : "col" + i,
                    random.nextBoolean() ? "INTEGER" : random.nextBoolean() ? null : "WEIRD TYPE", random.nextInt(6) == 0 ? "sys" + random.nextInt(2) : null,
                    table, refs, column, RULES[random.nextInt(RULES.length)], JOINS[random.nextInt(JOINS.length)],
                    random.nextInt(8) == 0 ? "status = " : null, random.nextInt(10) == 0, null, null, null, null, Map.of()));
        }
        MappingSpec spec = new MappingSpec("d", "t", 1, "odd.xlsx", "xlsx", Map.of(), List.of(), rows, List.of(), List.of());

        // When
        CompilationResult result = new SemanticLayerCompiler().compile(spec, CompileOptions.of("duckdb", "postgres", "spark",
                "snowflake", "bigquery", "ansi"), null);

        // Then
        for (GeneratedLayers.Layer layer : result.layers()) {
            long defined = rows.stream().filter(r -> r.targetTable().equals(layer.target()) && r.targetColumn() != null)
                    .map(MappingRow::targetColumn).distinct().count();
            assertThat(layer.columns()).hasSize((int) defined);
            assertThat(layer.columns()).allMatch(c -> c.status().equals("compiled") || c.reason() != null);
            assertThat(layer.sql()).hasSize(6);
        }
        assertThat(result.layers()).hasSize(4);
        assertThat(result.diagnostics()).noneMatch(d -> d.code().equals("target_not_compiled"));
    }

    @Test
    void shouldCompileAnEmptyDocumentToNoLayers() {
        // When
        CompilationResult result = new SemanticLayerCompiler().compile(new MappingSpec(null, null, 1, null, null, null,
                null, null, null, null), CompileOptions.of("duckdb"), null);

        // Then
        assertThat(result.layers()).isEmpty();
        assertThat(result.columnsNeedingAttention()).isEmpty();
    }
}
