package io.aide.cli.generate;

import io.aide.cli.eval.CaseRunner;
import io.aide.compiler.Artifacts;
import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.Dialect;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingFileException;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code generate MAPPING [--dialect D[,D...]] [--sources DIR] [--reference DIR] [--out DIR]}: writes the semantic
 * layer's files without any service, the way {@code dbt compile} does: one .sql per dialect, the PySpark job, the dbt
 * project, and prints the columns that need a decision with their reasons and mapping rows. Exit 0 when the files are
 * written (flagged columns included), 2 on bad input.
 */
public final class GenerateCommand {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    static final String USAGE = "usage: generate MAPPING [--dialect duckdb,postgres,spark,snowflake,bigquery,ansi,pyspark,dbt]"
            + " [--sources DIR] [--reference DIR] [--out DIR]";
    private static final List<String> ALL = List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi", "pyspark", "dbt");

    private GenerateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path mapping = null;
        Path sources = null;
        Path reference = null;
        Path outDir = null;
        Set<String> outputs = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return OK;
            }
            if (a.startsWith("--")) {
                if (!List.of("--dialect", "--sources", "--reference", "--out").contains(a)) {
                    err.println("generate: unknown option " + a + "\n" + USAGE);
                    return BAD_INPUT;
                }
                if (i + 1 >= args.length) {
                    err.println("generate: " + a + " needs a value\n" + USAGE);
                    return BAD_INPUT;
                }
                String v = args[++i];
                switch (a) {
                    case "--dialect" -> {
                        for (String d : v.split(",")) {
                            String id = canonical(d);
                            if (id == null) {
                                err.println("generate: unknown dialect '" + d.trim() + "': use " + String.join(", ", ALL));
                                return BAD_INPUT;
                            }
                            outputs.add(id);
                        }
                    }
                    case "--sources" -> sources = Path.of(v);
                    case "--reference" -> reference = Path.of(v);
                    default -> outDir = Path.of(v);
                }
            } else if (mapping == null) {
                mapping = Path.of(a);
            } else {
                err.println("generate: one mapping document at a time (got " + mapping + " and " + a + ")\n" + USAGE);
                return BAD_INPUT;
            }
        }
        if (mapping == null) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        String problem = unreadable(mapping, false);
        problem = problem != null ? problem : sources == null ? null : unreadable(sources, true);
        problem = problem != null ? problem : reference == null ? null : unreadable(reference, true);
        if (problem != null) {
            err.println("generate: " + problem);
            return BAD_INPUT;
        }
        if (outputs.isEmpty()) {
            outputs.addAll(ALL);
        }
        String base = mapping.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path target = outDir != null ? outDir : Path.of("generated", base);

        MappingSpec spec;
        try {
            ParseOptions options = ParseOptions.of("cli-" + base, "cli").withReferenceFiles(files(reference));
            spec = new MappingParser(ParserLimits.defaults()).parse(mapping, mapping.getFileName().toString(), options);
        } catch (MappingFileException e) {
            err.println("generate: " + mapping + " cannot be read as a mapping document: " + e.getMessage());
            return BAD_INPUT;
        }
        if (spec.rows().isEmpty()) {
            err.println("generate: " + mapping + " holds no mapping rows (a sheet with target and source columns is expected;"
                    + " ./aide parse " + mapping + " shows what was recognised)");
            return BAD_INPUT;
        }
        SchemaCatalog catalog;
        try {
            catalog = sources == null ? null : schemaOf(sources);
        } catch (SQLException | IOException e) {
            err.println("generate: the source files in " + sources + " cannot be read: " + firstLine(e.getMessage()));
            return BAD_INPUT;
        }
        List<String> dialects = outputs.stream().filter(d -> !d.equals("pyspark") && !d.equals("dbt")).toList();
        CompilationResult result = new SemanticLayerCompiler().compile(spec,
                new CompileOptions(dialects.isEmpty() ? List.of("duckdb") : dialects, List.of(), catalog), null);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (String d : dialects) {
                written.add(write(target.resolve(base + "." + d + ".sql"), Artifacts.sqlFile(d, result.layers())));
            }
            if (outputs.contains("pyspark")) {
                written.add(write(target.resolve(base + ".py"), Artifacts.pyspark(result.layers())));
            }
            if (outputs.contains("dbt")) {
                written.add(unzip(Artifacts.dbtProject(result.layers(), spec), target.resolve("dbt")));
            }
        } catch (IOException e) {
            err.println("generate: cannot write to " + target + ": " + e.getMessage());
            return BAD_INPUT;
        }
        report(spec, result, catalog, written, out);
        return OK;
    }

    private static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("pyspark") || n.equals("dbt")) {
            return n;
        }
        try {
            return Dialect.of(n).id();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String unreadable(Path p, boolean directory) {
        if (!Files.exists(p)) {
            return (directory ? "directory " : "file ") + p + " does not exist";
        }
        if (directory && !Files.isDirectory(p)) {
            return p + " is not a directory";
        }
        if (!directory && !Files.isRegularFile(p)) {
            return p + " is not a file (give the mapping document: .xlsx, .xls, .csv or .tsv)";
        }
        if (!Files.isReadable(p)) {
            return p + " cannot be read (permission denied)";
        }
        return null;
    }

    /** The CSV headers of DIR (DIR/table.csv, DIR/system/table.csv) as the registered schema, as ./aide eval reads them. */
    private static SchemaCatalog schemaOf(Path sources) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            return CaseRunner.loadSources(db, sources);
        }
    }

    private static List<Path> files(Path dir) {
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        return file;
    }

    private static Path unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = dir.resolve(e.getName()).normalize();
                if (!file.startsWith(dir.normalize())) {
                    throw new IOException("entry " + e.getName() + " leaves the dbt folder");
                }
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return dir;
    }

    private static void report(MappingSpec spec, CompilationResult result, SchemaCatalog catalog, List<Path> written,
                               PrintStream out) {
        int columns = 0;
        int flagged = 0;
        for (GeneratedLayers.Layer layer : result.layers()) {
            List<GeneratedLayers.Column> attention = layer.columns().stream().filter(c -> "flagged".equals(c.status())).toList();
            columns += layer.columns().size();
            flagged += attention.size();
            out.printf(Locale.ROOT, "target %s: %d columns, %d need a decision%n", layer.target(), layer.columns().size(),
                    attention.size());
            for (GeneratedLayers.Column c : attention) {
                out.printf(Locale.ROOT, "  %-28s %-22s %s%n", c.name(), c.mappingRef() == null ? "" : c.mappingRef(),
                        c.reason() == null ? "" : c.reason().replace('\n', ' '));
            }
        }
        List<Diagnostic> said = new java.util.ArrayList<>(spec.diagnostics());
        said.addAll(result.diagnostics());
        for (Diagnostic d : said) {
            if (!Diagnostic.INFO.equals(d.severity()) && !"rule_not_compiled".equals(d.code())) {
                out.println("  " + d.severity().toLowerCase(Locale.ROOT) + " " + (d.ref() == null ? "" : d.ref() + " ")
                        + d.message());
            }
        }
        out.printf(Locale.ROOT, "%d targets, %d columns, %d compiled, %d flagged%s%n", result.layers().size(), columns,
                columns - flagged, flagged, catalog == null ? " (no --sources: column names are not checked against data)" : "");
        written.forEach(p -> out.println("wrote " + p));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().split("\n")[0];
    }
}
