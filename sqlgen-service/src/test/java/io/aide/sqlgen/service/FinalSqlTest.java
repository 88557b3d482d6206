package io.aide.sqlgen.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FinalSqlTest {

    @Test
    void shouldKeepASmallLayerFileWhole() {
        // Given
        byte[] file = "CREATE OR REPLACE VIEW \"orders\" AS\nSELECT 1\n;\n".getBytes(StandardCharsets.UTF_8);

        // When
        String sql = GenerationService.finalSql(file, "gen_1", "duckdb");

        // Then
        assertThat(sql).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void shouldCutAHugeLayerFileAtALineAndPointToTheArtifact() {
        // Given: a file larger than a Kafka record may carry
        String line = "  CAST(\"orders\".\"amount\" AS DECIMAL(12, 2)) AS \"amount\", -- @mapping[Mapping:4]\n";
        byte[] file = line.repeat(GenerationService.MAX_FINAL_SQL_BYTES / line.length() + 100)
                .getBytes(StandardCharsets.UTF_8);

        // When
        String sql = GenerationService.finalSql(file, "gen_1", "postgres");

        // Then
        assertThat(sql.getBytes(StandardCharsets.UTF_8).length).isLessThan(GenerationService.MAX_FINAL_SQL_BYTES + 200);
        assertThat(sql).endsWith("-- truncated: the whole file is at /api/v1/generations/gen_1/artifacts/postgres\n");
        assertThat(sql.lines().filter(l -> !l.startsWith("--"))).allMatch(l -> l.equals(line.stripTrailing()));
    }
}
