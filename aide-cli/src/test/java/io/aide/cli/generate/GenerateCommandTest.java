package io.aide.cli.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./aide generate}: the layer's files from a mapping and sample sources, without any service. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int generate(String... args) {
        return GenerateCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    private Path mappingWithSources() throws Exception {
        Files.writeString(dir.resolve("mapping.csv"), """
                Target Table,Target Column,Target Type,Source Table,Source Column,Transformation Rule
                orders,order_id,INTEGER,raw_orders,id,Direct move
                orders,status,VARCHAR(20),raw_orders,status,UPPER(status)
                orders,amount_usd,"DECIMAL(18,2)",raw_orders,amount,Convert cents to dollars: amount / 100
                orders,sales_rep,VARCHAR(40),raw_orders,rep,Ask the sales team which rep owns the account
                """);
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/raw_orders.csv"), "id,status,amount,rep\n1,placed,1250,ann\n2,shipped,300,bob\n");
        return dir.resolve("mapping.csv");
    }

    @Test
    void shouldWriteEveryDialectThePySparkJobAndTheDbtProject() throws Exception {
        // Given
        Path mapping = mappingWithSources();
        Path target = dir.resolve("out");

        // When
        int code = generate(mapping.toString(), "--sources", dir.resolve("sources").toString(), "--out", target.toString());

        // Then
        assertThat(code).as(err.toString()).isEqualTo(GenerateCommand.OK);
        for (String d : List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi")) {
            assertThat(target.resolve("mapping." + d + ".sql")).content().contains("VIEW").contains("orders");
        }
        assertThat(target.resolve("mapping.py")).content().contains("def ");
        assertThat(target.resolve("dbt/dbt_project.yml")).exists();
        assertThat(target.resolve("dbt/models/orders.sql")).exists();
        assertThat(target.resolve("dbt/models/schema.yml")).content().contains("order_id");
    }

    @Test
    void shouldWriteSqlThatRunsOnTheSourcesInDuckDb() throws Exception {
        // Given
        Path mapping = mappingWithSources();
        Path target = dir.resolve("out");

        // When
        int code = generate(mapping.toString(), "--dialect", "duckdb", "--sources", dir.resolve("sources").toString(),
                "--out", target.toString());

        // Then
        assertThat(code).as(err.toString()).isEqualTo(GenerateCommand.OK);
        assertThat(target.resolve("mapping.postgres.sql")).doesNotExist();
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE raw_orders AS SELECT * FROM read_csv('" + dir.resolve("sources/raw_orders.csv")
                    + "', all_varchar = true, header = true)");
            for (String statement : Files.readString(target.resolve("mapping.duckdb.sql")).split(";\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    st.execute(statement);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT order_id, status, amount_usd FROM orders ORDER BY order_id")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3).toPlainString());
                }
            }
        }
        assertThat(rows).containsExactly("1|PLACED|12.50", "2|SHIPPED|3.00");
    }

    @Test
    void shouldReportTheFlaggedColumnsWithTheirReasonsAndMappingRows() throws Exception {
        // Given
        Path mapping = mappingWithSources();

        // When
        int code = generate(mapping.toString(), "--dialect", "duckdb", "--out", dir.resolve("out").toString());

        // Then
        assertThat(code).isEqualTo(GenerateCommand.OK);
        assertThat(out.toString()).contains("target orders: 4 columns, 1 need a decision")
                .containsPattern("sales_rep\\s+@mapping\\[[^\\]]*:5\\]").contains("1 flagged");
    }

    @Test
    void shouldNameTheMissingMappingFileAndExitWithBadInput() {
        // Given
        Path missing = dir.resolve("no-such-mapping.xlsx");

        // When
        int code = generate(missing.toString());

        // Then
        assertThat(code).isEqualTo(GenerateCommand.BAD_INPUT);
        assertThat(err.toString()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void shouldNameAFileThatIsNotAMappingDocument() throws Exception {
        // Given
        Path notExcel = Files.writeString(dir.resolve("notes.xlsx"), "just some text");

        // When
        int code = generate(notExcel.toString(), "--out", dir.resolve("out").toString());

        // Then
        assertThat(code).isEqualTo(GenerateCommand.BAD_INPUT);
        assertThat(err.toString()).contains(notExcel.toString()).contains("cannot be read as a mapping document");
    }

    @Test
    void shouldRefuseAnUnknownDialectNamingTheKnownOnes() throws Exception {
        // Given
        Path mapping = mappingWithSources();

        // When
        int code = generate(mapping.toString(), "--dialect", "oracle");

        // Then
        assertThat(code).isEqualTo(GenerateCommand.BAD_INPUT);
        assertThat(err.toString()).contains("unknown dialect 'oracle'").contains("snowflake");
    }
}
