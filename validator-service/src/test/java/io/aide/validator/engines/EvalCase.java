package io.aide.validator.engines;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import io.aide.testsupport.AideTestEnvironment;
import io.aide.testsupport.Infra;
import io.aide.validation.compare.DefinedColumn;
import io.aide.validation.compare.ExpectedComparator;
import io.aide.validation.compare.ResultTable;
import io.aide.validation.compare.TargetComparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One evaluation case of ../shared/eval (beside the repository): its mapping parsed, its sources as text columns
 * (the way `aide eval` loads them), its expected rows, and the layers compiled for every SQL dialect.
 */
record EvalCase(String name, MappingSpec spec, List<Source> sources, Map<String, ResultTable> expected,
                CompilationResult compiled) {


    /** sources/&lt;table&gt;.csv, or sources/&lt;system&gt;/&lt;table&gt;.csv for a table in schema &lt;system&gt;. */
    record Source(String schema, String table, Path csv, ResultTable rows) {
        String qualified() {
            return schema == null ? table : schema + "." + table;
        }
    }

    /** A case of this module's own (test resources eval/NAME), written for the rule wording it exercises. */
    static final String OWN_CASE = "everyday-phrases";

    /** Whole documents of this module's own: a retail star schema and healthcare encounters (test resources eval/). */
    static final String RETAIL_CASE = "retail-star";
    static final String HEALTH_CASE = "health-enc";

    static EvalCase load(String name) throws Exception {
        Path dir;
        if (name.equals(OWN_CASE) || name.equals(RETAIL_CASE) || name.equals(HEALTH_CASE)) {
            dir = Path.of(EvalCase.class.getResource("/eval/" + name).toURI());
        } else {
            // ../shared beside the checkout, or AIDE_SHARED_DIR for a checkout elsewhere (a git worktree)
            Path eval = Path.of(Infra.setting("AIDE_SHARED_DIR", AideTestEnvironment.repositoryRoot().resolve("../shared").toString()))
                    .resolve("eval").normalize();
            // a missing evaluation set must fail the build, not skip it
            assertThat(eval.resolve(name)).as("the evaluation case must sit beside the repository (../shared/eval/" + name + ")")
                    .isDirectory();
            dir = eval.resolve(name);
        }
        Path mapping;
        try (Stream<Path> s = Files.list(dir)) {
            mapping = s.filter(p -> p.getFileName().toString().startsWith("mapping.")).findFirst().orElseThrow();
        }
        MappingSpec spec = new MappingParser(ParserLimits.defaults()).parse(mapping, mapping.getFileName().toString(),
                ParseOptions.of("eval-" + name, "eval").withReferenceFiles(files(dir.resolve("reference"))));
        List<Source> sources = new ArrayList<>();
        List<SchemaCatalog.Table> tables = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("sources"), 2)) {
            for (Path csv : s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList()) {
                String file = csv.getFileName().toString();
                Path parent = dir.resolve("sources").relativize(csv).getParent();
                ResultTable rows = ResultTable.readCsv(csv);
                Source source = new Source(parent == null ? null : parent.toString(), file.substring(0, file.length() - 4), csv, rows);
                sources.add(source);
                tables.add(new SchemaCatalog.Table(source.schema(), source.table(),
                        rows.columns().stream().map(c -> new SchemaCatalog.Column(c, "VARCHAR")).toList(), List.of(), List.of()));
            }
        }
        Map<String, ResultTable> expected = new LinkedHashMap<>();
        for (Path e : files(dir.resolve("expected"))) {
            String file = e.getFileName().toString();
            expected.put(file.substring(0, file.length() - 4), ResultTable.readCsv(e));
        }
        CompilationResult compiled = new SemanticLayerCompiler().compile(spec, new CompileOptions(
                List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi"), List.of(), new SchemaCatalog(tables)), null);
        return new EvalCase(name, spec, sources, expected, compiled);
    }

    /** Each target with expected rows, its SQL in the dialect run by the engine and compared with those rows. */
    Map<String, TargetComparison> compare(String dialect, Engine engine) {
        ExpectedComparator comparator = new ExpectedComparator();
        Map<String, TargetComparison> out = new LinkedHashMap<>();
        expected.forEach((target, rows) -> {
            GeneratedLayers.Layer layer = compiled.layer(target);
            assertThat(layer).as(name + ": the mapping defines target " + target).isNotNull();
            List<DefinedColumn> defined = layer.columns().stream().map(c -> new DefinedColumn(c.name(), c.mappingRef(),
                    "flagged".equals(c.status()), c.reason())).toList();
            try {
                out.put(target, comparator.compare(layer.target(), layer.keyColumns(), defined,
                        engine.query(layer.sql().get(dialect)), rows));
            } catch (Exception e) {
                out.put(target, comparator.failed(layer.target(), defined, rows, e.getMessage()));
            }
        });
        return out;
    }

    /** Runs one query of a layer and gives its rows as text. */
    interface Engine {
        ResultTable query(String layerSql) throws Exception;
    }

    static ResultTable query(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(rs.getMetaData().getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return new ResultTable(columns, rows);
        }
    }

    /** DuckDB, the reference engine of `aide eval`: the sources loaded as text into an in-memory database. */
    static Connection duckdb(EvalCase c) throws SQLException {
        // the driver itself, not DriverManager: after the module's Quarkus tests, DriverManager no longer sees the driver
        // from the test class loader ("No suitable driver found for jdbc:duckdb:")
        Connection db = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
        try (Statement st = db.createStatement()) {
            for (Source s : c.sources()) {
                if (s.schema() != null) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS \"" + s.schema() + "\"");
                }
                st.execute("CREATE TABLE " + (s.schema() == null ? "" : "\"" + s.schema() + "\".") + "\"" + s.table()
                        + "\" AS SELECT * FROM read_csv('" + s.csv().toAbsolutePath().toString().replace("'", "''")
                        + "', all_varchar = true, header = true)");
            }
        }
        return db;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
