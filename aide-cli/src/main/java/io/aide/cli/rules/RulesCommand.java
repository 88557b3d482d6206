package io.aide.cli.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rules FILE.csv... [--json OUT]}: compiles every row of a phrasebook CSV on its own, with the row's source
 * table and columns as a synthesized schema, and reports per row compiled (with its DuckDB SQL) or flagged (with the
 * reason). Exit 0 whatever the rates; 2 on bad input.
 */
public final class RulesCommand {
    private static final String USAGE = "usage: rules FILE.csv... [--json OUT]";

    private RulesCommand() {
    }

    /** One compiled or flagged row of a phrasebook. */
    public record RowResult(String doc, String row, String target, String column, String rule, String status,
                            String sql, String reason) {
        boolean compiled() {
            return "compiled".equals(status);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path json = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                if (i + 1 >= args.length) {
                    err.println("rules: --json needs a file name");
                    return 2;
                }
                json = Path.of(args[++i]);
            } else if (args[i].equals("-h") || args[i].equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (args[i].startsWith("--")) {
                err.println("rules: unknown option " + args[i]);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        if (json != null && json.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            // "--json a.csv b.csv" would overwrite the document a.csv with the report
            err.println("rules: --json " + json + " names a phrasebook (.csv), not the report; nothing written. "
                    + "Give the report its own file: --json report.json");
            return 2;
        }
        Map<String, List<RowResult>> byFile = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                byFile.put(f.getFileName().toString(), compileFile(f));
            } catch (IOException | IllegalArgumentException e) {
                err.println("rules: " + f + ": " + e.getMessage());
                return 2;
            }
        }
        out.printf(Locale.ROOT, "%-40s %6s %9s %8s %7s%n", "file", "rows", "compiled", "flagged", "rate");
        int rows = 0;
        int compiled = 0;
        for (Map.Entry<String, List<RowResult>> e : byFile.entrySet()) {
            int n = e.getValue().size();
            int c = (int) e.getValue().stream().filter(RowResult::compiled).count();
            rows += n;
            compiled += c;
            out.printf(Locale.ROOT, "%-40s %6d %9d %8d %6.1f%%%n", e.getKey(), n, c, n - c, rate(c, n));
        }
        if (byFile.size() > 1) {
            out.printf(Locale.ROOT, "%-40s %6d %9d %8d %6.1f%%%n", "total", rows, compiled, rows - compiled,
                    rate(compiled, rows));
        }
        if (json != null) {
            try {
                writeJson(byFile, json);
                out.println("report written to " + json);
            } catch (IOException e) {
                err.println("rules: cannot write " + json + ": " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }

    static List<RowResult> compileFile(Path file) throws IOException {
        List<RowResult> results = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            if (!csv.getHeaderNames().containsAll(PhrasebookRow.HEADER)) {
                throw new IllegalArgumentException("header must hold " + String.join(",", PhrasebookRow.HEADER)
                        + " (found " + String.join(",", csv.getHeaderNames()) + ")");
            }
            List<PhrasebookRow> all = new ArrayList<>();
            for (CSVRecord r : csv) {
                all.add(PhrasebookRow.of(r.toMap()));
            }
            for (int i = 0; i < all.size(); i++) {
                results.add(compileRow(all.get(i), i + 1, Siblings.referenced(all, i)));
            }
        }
        return results;
    }

    /** Compiles one row alone: a one-row mapping, the row's source table and columns as the registered schema. */
    public static RowResult compileRow(PhrasebookRow p, int number) {
        return compileRow(p, number, List.of());
    }

    /**
     * Compiles one row with the rows of the same target that define the target columns its rule names (a reference to
     * another target column is that column's expression); their source columns join the synthesized schema.
     */
    static RowResult compileRow(PhrasebookRow p, int number, List<Siblings.Numbered> siblings) {
        MappingRow row = p.mappingRow("phrasebook", number + 1);
        List<MappingRow> rows = new ArrayList<>();
        rows.add(row);
        siblings.forEach(s -> rows.add(s.row().mappingRow("phrasebook", s.number() + 1)));
        MappingSpec spec = new MappingSpec(p.doc(), "rules", 1, p.doc(), "csv", Map.of(), List.of(), rows,
                List.of(), List.of());
        SchemaCatalog schema = schema(rows);
        try {
            CompilationResult result = new SemanticLayerCompiler().compile(spec,
                    new CompileOptions(List.of("duckdb"), List.of(), schema), null);
            GeneratedLayers.Layer layer = result.layers().get(0);
            GeneratedLayers.Column column = layer.columns().stream()
                    .filter(c -> c.name().equalsIgnoreCase(row.targetColumn())).findFirst().orElse(null);
            if (column == null) {
                return new RowResult(p.doc(), p.row(), row.targetTable(), row.targetColumn(), p.rule(), "flagged",
                        null, "the column was not produced");
            }
            boolean ok = "compiled".equals(column.status());
            return new RowResult(p.doc(), p.row(), row.targetTable(), row.targetColumn(), p.rule(),
                    ok ? "compiled" : "flagged", ok ? layer.sql().get("duckdb") : null, ok ? null : column.reason());
        } catch (RuntimeException e) {
            return new RowResult(p.doc(), p.row(), row.targetTable(), row.targetColumn(), p.rule(), "flagged", null,
                    "compiler failure: " + e);
        }
    }

    /**
     * The rows' source tables with the columns they name; null when they name no table. A table named without any
     * column is left out: the phrasebook does not know its columns, just as a document compiled without a registered
     * schema does not (a column the rule marks is then read from the row's table, as the product does).
     */
    static SchemaCatalog schema(List<MappingRow> rows) {
        Map<String, List<SchemaCatalog.Column>> tables = new LinkedHashMap<>();
        for (MappingRow row : rows) {
            if (row.sourceTable() != null) {
                tables.putIfAbsent(row.sourceTable(), new ArrayList<>());
            }
            for (SourceRef ref : row.sourceColumns()) {
                if (ref.table() != null) {
                    List<SchemaCatalog.Column> cols = tables.computeIfAbsent(ref.table(), t -> new ArrayList<>());
                    if (cols.stream().noneMatch(c -> c.name().equalsIgnoreCase(ref.column()))) {
                        cols.add(new SchemaCatalog.Column(ref.column(), null));
                    }
                }
            }
        }
        tables.values().removeIf(List::isEmpty);
        if (tables.isEmpty()) {
            return null;
        }
        List<SchemaCatalog.Table> out = new ArrayList<>();
        tables.forEach((name, cols) -> {
            int dot = name.lastIndexOf('.');
            out.add(dot < 0 ? new SchemaCatalog.Table(null, name, cols, List.of(), List.of())
                    : new SchemaCatalog.Table(name.substring(0, dot), name.substring(dot + 1), cols, List.of(), List.of()));
        });
        return new SchemaCatalog(out);
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static void writeJson(Map<String, List<RowResult>> byFile, Path file) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        byFile.forEach((name, results) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            long compiled = results.stream().filter(RowResult::compiled).count();
            f.put("file", name);
            f.put("rows", results.size());
            f.put("compiled", compiled);
            f.put("flagged", results.size() - compiled);
            f.put("rate", rate((int) compiled, results.size()));
            f.put("results", results);
            files.add(f);
        });
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("files", files));
    }
}
