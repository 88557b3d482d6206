package io.aide.parser;

import io.aide.events.EventJson;
import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SheetInfo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aide parse FILE [--json] [--header field=Header text]... [--reference FILE]...}: the same parser the
 * document service runs. Exit 0 when parsed, 2 when the file is refused, 1 on usage errors.
 */
public final class ParseCli {

    private ParseCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        // POI logs through log4j-api; without a provider it would print a setup warning into the CLI's output
        if (System.getProperty("log4j2.statusLoggerLevel") == null) {
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("parse")) {
            rest.remove(0);
        }
        boolean json = false;
        String file = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> references = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if ((a.equals("--header") || a.equals("-H")) && i + 1 < rest.size()) {
                String kv = rest.get(++i);
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    err.println("--header expects field=Header text, e.g. --header 'target_column=Attribute'");
                    return 1;
                }
                overrides.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            } else if ((a.equals("--reference") || a.equals("-r")) && i + 1 < rest.size()) {
                references.add(Path.of(rest.get(++i)));
            } else if (a.equals("-h") || a.equals("--help")) {
                usage(out);
                return 0;
            } else if (a.startsWith("-")) {
                err.println("Unknown option " + a);
                usage(err);
                return 1;
            } else if (file == null) {
                file = a;
            } else {
                err.println("Only one file can be parsed at a time; got " + file + " and " + a);
                return 1;
            }
        }
        if (file == null) {
            usage(err);
            return 1;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println(file + ": no such file");
            return 1;
        }
        ParseOptions options = ParseOptions.defaults().withHeaderOverrides(overrides).withReferenceFiles(references);
        MappingSpec spec;
        try {
            spec = new MappingParser(ParserLimits.defaults()).parse(path, path.getFileName().toString(), options);
        } catch (MappingFileException e) {
            if (json) {
                var problem = EventJson.mapper().createObjectNode();
                problem.put("type", "https://aide.io/problems/" + e.code().replace(':', '/'));
                problem.put("title", e.title());
                problem.put("status", e.httpStatus());
                problem.put("detail", e.getMessage());
                problem.put("code", e.code());
                err.println(problem.toPrettyString());
            } else {
                err.println("refused (" + e.code() + "): " + e.getMessage());
            }
            return 2;
        }
        if (json) {
            out.println(ParseReport.toJson(spec).toPrettyString());
        } else {
            human(spec, out);
        }
        return 0;
    }

    private static void human(MappingSpec spec, PrintStream out) {
        out.printf("%s (%s): %d mapping rows, %d targets%n", spec.fileName(), spec.format(), spec.rows().size(),
                spec.targetCounts().size());
        out.println();
        out.println("Sheets:");
        for (SheetInfo s : spec.sheets()) {
            out.printf("  %-24s %-9s %s%s%n", s.name(), s.role(), s.reason(),
                    "mapping".equals(s.role()) ? " (" + s.mappingRows() + " rows)" : "");
        }
        out.println();
        out.println("Header mapping:");
        spec.headerMapping().forEach((sheet, fields) -> {
            out.println("  " + sheet + ":");
            fields.forEach((field, header) -> out.printf("    %-15s <- %s%n", field, header));
        });
        out.println();
        out.println("Rows per target:");
        spec.targetCounts().forEach((t, n) -> out.printf("  %-32s %d%n", t, n));
        if (!spec.referenceTables().isEmpty()) {
            out.println();
            out.println("Reference tables:");
            spec.referenceTables().forEach(r -> out.printf("  %-32s %d rows (%s)%n", r.name(), r.rows().size(),
                    r.origin()));
        }
        out.println();
        out.println("Diagnostics (" + spec.diagnostics().size() + "):");
        for (Diagnostic d : spec.diagnostics()) {
            out.printf("  %-7s %-28s %-16s %s%n", d.severity(), d.code(), d.cell() == null ? "" : d.cell(),
                    d.message());
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: aide parse FILE [--json] [--header field=Header text]... [--reference FILE]...");
        s.println("  FILE         a mapping document: .xlsx, .xlsm, .xls, .csv or .tsv");
        s.println("  --json       print the parse report as JSON (the API's GET /documents/{id} shape)");
        s.println("  --header     use this header for a canonical field, e.g. target_column=Attribute");
        s.println("  --reference  a lookup file (csv, xlsx, yaml, json) kept as a reference table");
    }
}
