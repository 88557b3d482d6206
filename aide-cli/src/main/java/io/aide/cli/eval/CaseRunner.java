package io.aide.cli.eval;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingFileException;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import io.aide.validation.compare.DefinedColumn;
import io.aide.validation.compare.ExpectedComparator;
import io.aide.validation.compare.ResultTable;
import io.aide.validation.compare.TargetComparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs one evaluation case in-process: parse the mapping, compile it for DuckDB, load the sample sources into an
 * in-memory DuckDB (every column as text), run each view and compare it with the expected rows.
 */
public final class CaseRunner {
    /** The case folder is not a case (no mapping document). */
    public static final class BadCase extends Exception {
        public BadCase(String message) {
            super(message);
        }
    }

    private final ExpectedComparator comparator = new ExpectedComparator();

    public CaseReport run(Path caseDir) throws BadCase {
        if (!Files.isDirectory(caseDir)) {
            throw new BadCase(caseDir + " is not a directory");
        }
        String name = caseDir.toAbsolutePath().normalize().getFileName().toString();
        Path mapping = mappingFile(caseDir);
        List<String> notes = new ArrayList<>();
        MappingSpec spec;
        try {
            ParseOptions options = ParseOptions.of("eval-" + name, "eval").withReferenceFiles(files(caseDir.resolve("reference")));
            spec = new MappingParser(ParserLimits.defaults()).parse(mapping, mapping.getFileName().toString(), options);
        } catch (MappingFileException | RuntimeException e) {
            return new CaseReport(name, mapping.getFileName().toString(), List.of(), notes,
                    "the mapping could not be parsed: " + e.getMessage());
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            SchemaCatalog catalog = loadSources(db, caseDir.resolve("sources"));
            CompilationResult compiled = new SemanticLayerCompiler().compile(spec,
                    new CompileOptions(List.of("duckdb"), List.of(), catalog), null);
            defineViews(db, compiled, catalog, notes);
            List<TargetComparison> targets = new ArrayList<>();
            for (Path expectedFile : files(caseDir.resolve("expected"))) {
                String file = expectedFile.getFileName().toString();
                if (!file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                String target = file.substring(0, file.length() - 4);
                ResultTable expected = ResultTable.readCsv(expectedFile);
                GeneratedLayers.Layer layer = compiled.layer(target);
                if (layer == null) {
                    notes.add("target " + target + " has expected rows but the mapping does not define it");
                    targets.add(comparator.compare(target, List.of(), List.of(), expected, expected));
                    continue;
                }
                List<DefinedColumn> defined = layer.columns().stream().map(c -> new DefinedColumn(c.name(), c.mappingRef(),
                        "flagged".equals(c.status()), c.reason())).toList();
                if (Boolean.getBoolean("aide.eval.showSql")) {
                    notes.add("SQL of " + layer.target() + ":\n" + layer.sql().get("duckdb"));
                }
                try {
                    ResultTable actual = query(db, "SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) AS \"aide_eval\"");
                    targets.add(comparator.compare(layer.target(), layer.keyColumns(), defined, actual, expected));
                } catch (SQLException e) {
                    targets.add(comparator.failed(layer.target(), defined, expected, firstLine(e.getMessage())));
                }
            }
            for (GeneratedLayers.Layer layer : compiled.layers()) {
                if (targets.stream().noneMatch(t -> t.target().equalsIgnoreCase(layer.target()))) {
                    notes.add("target " + layer.target() + " is defined but has no expected rows (not scored)");
                }
            }
            return new CaseReport(name, mapping.getFileName().toString(), targets, notes, null);
        } catch (SQLException | IOException e) {
            return new CaseReport(name, mapping.getFileName().toString(), List.of(), notes, "the case could not run: " + e.getMessage());
        }
    }

    /**
     * Each target's view under its name, in the layer's order, as the layer file defines them: a target that reads
     * another target (an aggregate over the fact above it) reads that view. A source of the same name stays the source.
     */
    private static void defineViews(Connection db, CompilationResult compiled, SchemaCatalog catalog, List<String> notes) {
        for (GeneratedLayers.Layer layer : compiled.layers()) {
            if (catalog.table(layer.target()).isPresent()) {
                continue;
            }
            try (Statement st = db.createStatement()) {
                st.execute("CREATE OR REPLACE VIEW " + quote(layer.target()) + " AS\n" + layer.sql().get("duckdb"));
            } catch (SQLException e) {
                notes.add("the view " + layer.target() + " could not be defined: " + firstLine(e.getMessage()));
            }
        }
    }

    private static Path mappingFile(Path caseDir) throws BadCase {
        try (Stream<Path> s = Files.list(caseDir)) {
            List<Path> candidates = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(xlsx|xlsm|xls|csv|tsv)$"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("mapping"))
                            .thenComparing(Path::toString))
                    .toList();
            if (candidates.isEmpty()) {
                throw new BadCase(caseDir + " holds no mapping document (mapping.xlsx or mapping.csv)");
            }
            return candidates.get(0);
        } catch (IOException e) {
            throw new BadCase("cannot list " + caseDir + ": " + e.getMessage());
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** sources/&lt;table&gt;.csv into the main schema, sources/&lt;system&gt;/&lt;table&gt;.csv into schema &lt;system&gt;. */
    public static SchemaCatalog loadSources(Connection db, Path sources) throws SQLException, IOException {
        List<SchemaCatalog.Table> tables = new ArrayList<>();
        if (!Files.isDirectory(sources)) {
            return new SchemaCatalog(tables);
        }
        List<Path> csvs;
        try (Stream<Path> s = Files.walk(sources, 2)) {
            csvs = s.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
        try (Statement st = db.createStatement()) {
            for (Path csv : csvs) {
                String file = csv.getFileName().toString();
                String table = file.substring(0, file.length() - 4);
                Path parent = sources.relativize(csv).getParent();
                String schema = parent == null ? null : parent.toString();
                if (schema != null) {
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
                }
                String qualified = (schema == null ? "" : quote(schema) + ".") + quote(table);
                st.execute("CREATE TABLE " + qualified + " AS SELECT * FROM read_csv('"
                        + csv.toAbsolutePath().toString().replace("'", "''") + "', all_varchar = true, header = true)");
                List<SchemaCatalog.Column> columns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("DESCRIBE " + qualified)) {
                    while (rs.next()) {
                        columns.add(new SchemaCatalog.Column(rs.getString(1), rs.getString(2)));
                    }
                }
                tables.add(new SchemaCatalog.Table(schema, table, columns, List.of(), List.of()));
            }
        }
        return new SchemaCatalog(tables);
    }

    static ResultTable query(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.setQueryTimeout(120);
            try (ResultSet rs = st.executeQuery(sql)) {
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
    }


    private static String quote(String id) {
        return "\"" + id.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "the SQL failed";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " " + t.substring(nl + 1).strip().split("\n")[0];
    }
}
