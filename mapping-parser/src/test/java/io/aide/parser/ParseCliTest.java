package io.aide.parser;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.parser.corpus.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintHeaderMappingRowsPerTargetAndDiagnostics() throws Exception {
        // Given
        Path file = dir.resolve("mapping.csv");
        Files.writeString(file, HostileCorpus.MAPPING_CSV + "dim_customer,customer_id,INTEGER,crm_customer,id,again\n");

        // When
        int exit = run("parse", file.toString());

        // Then
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(text).contains("Header mapping:").contains("target_column   <- Target Column")
                .contains("Rows per target:").containsPattern("dim_customer\\s+3")
                .contains("duplicate_target_column").contains("mapping!B4");
    }

    @Test
    void shouldPrintTheApiJsonWithJsonFlag() throws Exception {
        // Given
        Path file = dir.resolve("mapping.csv");
        Files.writeString(file, HostileCorpus.MAPPING_CSV);

        // When
        int exit = run("parse", file.toString(), "--json");

        // Then
        assertThat(exit).isZero();
        JsonNode json = EventJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("fileName").asText()).isEqualTo("mapping.csv");
        assertThat(json.get("rowsFound").asInt()).isEqualTo(2);
        assertThat(json.get("targets").get("dim_customer").asInt()).isEqualTo(2);
        assertThat(json.get("headerMapping").get("mapping").get("source_column").asText()).isEqualTo("Source Column");
        assertThat(json.get("sheets").get(0).get("role").asText()).isEqualTo("mapping");
        assertThat(json.get("diagnostics").isArray()).isTrue();
    }

    @Test
    void shouldExitTwoWithTheApiMessageForARefusedFile() throws Exception {
        // Given
        Path file = dir.resolve("empty.xlsx");
        Files.write(file, new byte[0]);

        // When
        int exit = run("parse", file.toString());

        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad_mapping_file:empty").contains("empty.xlsx");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldAcceptHeaderOverridesOnTheCommandLine() throws Exception {
        // Given
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, "Ziel,Feld,Herkunft\nkunde,name,crm.name\n");

        // When
        int exit = run("parse", file.toString(), "--header", "target_table=Ziel", "--header", "target_column=Feld",
                "--header", "source_column=Herkunft");

        // Then
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("kunde\\s+1");
    }

    @Test
    void shouldExplainUsageWithoutAFile() {
        // Given / When
        int exit = run("parse");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: aide parse FILE");
    }
}
