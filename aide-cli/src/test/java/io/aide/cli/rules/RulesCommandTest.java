package io.aide.cli.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {
    private static final String HEADER = "doc,sheet_or_section,row,target_table,target_column,target_type,source_system,"
            + "source_table,source_columns,rule,join_or_lookup,notes\n";

    @Test
    void shouldCompileEachRowOnItsOwnAndReportRatesWithExitZero(@TempDir Path dir) throws Exception {
        // Given a constant, a copy of a listed column and a rule that names a column the row does not list
        Path csv = dir.resolve("book.csv");
        Files.writeString(csv, HEADER
                + "book,s,1,visit,type_id,,,visits,,Set 32879 - 'Registry' for all,,\n"
                + "book,s,2,visit,person_id,,,visits,member_id,Remove 'M' prefix,,\n"
                + "book,s,3,visit,care_id,,,visits,member_id,Copied from `no_such_column`,,\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("out/report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // When
        int code = RulesCommand.run(new String[]{csv.toString(), "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        // Then
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("book.csv").contains("3         2        1   66.7%");
        JsonNode file = new ObjectMapper().readTree(json.toFile()).get("files").get(0);
        assertThat(file.get("compiled").asInt()).isEqualTo(2);
        assertThat(file.get("results").get(0).get("sql").asText()).contains("32879");
        assertThat(file.get("results").get(1).get("sql").asText()).contains("SUBSTRING(\"visits\".\"member_id\", 2)");
        assertThat(file.get("results").get(2).get("status").asText()).isEqualTo("flagged");
        assertThat(file.get("results").get(2).get("reason").asText()).contains("no_such_column");
    }

    @Test
    void shouldBindAnotherTargetColumnOfTheSameTargetToItsRule(@TempDir Path dir) throws Exception {
        // Given a column derived from another target column, and the same name under another target
        Path csv = dir.resolve("book.csv");
        Files.writeString(csv, HEADER
                + "book,s,1,visit,visit_date,,,visits,seen_on,Copied as it is,,\n"
                + "book,s,2,visit,visit_datetime,,,visits,,Calculated from `visit_date` with time 00:00:00,,\n"
                + "book,s,3,other,visit_datetime,,,visits,,Calculated from `visit_date` with time 00:00:00,,\n",
                StandardCharsets.UTF_8);
        Path json = dir.resolve("report.json");

        // When
        int code = RulesCommand.run(new String[]{csv.toString(), "--json", json.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        // Then the sibling's expression is read; another target's column of that name is not a sibling: the marked
        // name is read from the row's own table, whose columns the phrasebook does not list
        assertThat(code).isZero();
        JsonNode results = new ObjectMapper().readTree(json.toFile()).get("files").get(0).get("results");
        assertThat(results.get(1).get("status").asText()).isEqualTo("compiled");
        assertThat(results.get(1).get("sql").asText())
                .contains("TRY_CAST(\"visits\".\"seen_on\" AS TIMESTAMP) AS \"visit_datetime\"");
        assertThat(results.get(2).get("status").asText()).isEqualTo("compiled");
        assertThat(results.get(2).get("sql").asText())
                .contains("TRY_CAST(\"visits\".\"visit_date\" AS TIMESTAMP) AS \"visit_datetime\"")
                .doesNotContain("seen_on");
    }

    @Test
    void shouldRefuseAFileWithoutThePhrasebookHeader(@TempDir Path dir) throws Exception {
        // Given
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,2\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int code = RulesCommand.run(new String[]{csv.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("other.csv").contains("header must hold");
    }

    @Test
    void shouldRefuseToWriteTheReportOverAPhrasebook(@TempDir Path dir) throws Exception {
        // Given "--json" put before the documents, so that it takes the first of them for the report's file
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        String book = HEADER + "book,s,1,visit,type_id,,,visits,,Set 32879 - 'Registry' for all,,\n";
        Files.writeString(first, book, StandardCharsets.UTF_8);
        Files.writeString(second, book, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int code = RulesCommand.run(new String[]{"--json", first.toString(), second.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        // Then the document is left as it was and the error says how to name the report
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("first.csv").contains("--json report.json");
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).isEqualTo(book);
    }
}
