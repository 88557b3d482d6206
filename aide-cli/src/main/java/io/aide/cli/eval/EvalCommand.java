package io.aide.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aide.validation.compare.ColumnResult;
import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.TargetComparison;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code eval CASE_DIR [--json FILE]} and {@code eval --all DIR [--json FILE]}: exit 0 when every scored column
 * matches or is flagged, 1 when a column mismatches or errors, 2 on bad input.
 */
public final class EvalCommand {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;

    private EvalCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path json = null;
        boolean all = false;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> {
                    if (i + 1 >= args.length) {
                        err.println("eval: --json needs a file name");
                        return BAD_INPUT;
                    }
                    json = Path.of(args[++i]);
                }
                case "--all" -> all = true;
                case "--show-sql" -> System.setProperty("aide.eval.showSql", "true");
                case "-h", "--help" -> {
                    out.println("usage: eval CASE_DIR [--json FILE] | eval --all DIR [--json FILE]");
                    return OK;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("eval: unknown option " + a);
                        return BAD_INPUT;
                    }
                    dirs.add(Path.of(a));
                }
            }
        }
        if (dirs.size() != 1) {
            err.println("usage: eval CASE_DIR [--json FILE] | eval --all DIR [--json FILE]");
            return BAD_INPUT;
        }
        List<Path> cases = new ArrayList<>();
        if (all) {
            if (!Files.isDirectory(dirs.get(0))) {
                err.println("eval: " + dirs.get(0) + " is not a directory");
                return BAD_INPUT;
            }
            try (Stream<Path> s = Files.list(dirs.get(0))) {
                s.filter(Files::isDirectory).sorted().forEach(cases::add);
            } catch (IOException e) {
                err.println("eval: cannot list " + dirs.get(0) + ": " + e.getMessage());
                return BAD_INPUT;
            }
        } else {
            cases.add(dirs.get(0));
        }
        CaseRunner runner = new CaseRunner();
        List<CaseReport> reports = new ArrayList<>();
        for (Path c : cases) {
            try {
                long start = System.nanoTime();
                CaseReport report = runner.run(c);
                reports.add(report);
                print(report, out, (System.nanoTime() - start) / 1_000_000);
            } catch (CaseRunner.BadCase e) {
                if (!all) {
                    err.println("eval: " + e.getMessage());
                    return BAD_INPUT;
                }
                out.println("skipped " + c.getFileName() + ": " + e.getMessage());
            }
        }
        if (reports.size() > 1) {
            printSummary(reports, out);
        }
        if (json != null) {
            try {
                writeJson(reports, json);
                out.println("report written to " + json);
            } catch (IOException e) {
                err.println("eval: cannot write " + json + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
        return reports.stream().allMatch(CaseReport::clean) ? OK : FINDINGS;
    }

    static void print(CaseReport r, PrintStream out, long millis) {
        out.println();
        out.println("== " + r.name() + " (" + r.mappingFile() + ")");
        if (r.error() != null) {
            out.println("   ERROR " + r.error());
            return;
        }
        for (TargetComparison t : r.targets()) {
            out.printf(Locale.ROOT, "target %s: %d expected rows, %d rows from the view, %s%n", t.target(),
                    t.rowsExpected(), t.rowsActual(), t.alignmentDescription());
            if (t.note() != null) {
                out.println("  note: " + t.note());
            }
            int width = Math.max(8, t.columns().stream().mapToInt(c -> c.column().length()).max().orElse(8));
            out.printf(Locale.ROOT, "  %-" + width + "s  %-15s  %-24s  %s%n", "column", "status", "mapping_ref", "detail");
            for (ColumnResult c : t.columns()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %-15s  %-24s  %s%n", c.column(), c.status().id(),
                        c.mappingRef() == null ? "" : c.mappingRef(), c.detail() == null ? "" : abbreviate(c.detail(), 160));
            }
        }
        r.notes().forEach(n -> out.println("  note: " + n));
        Map<ColumnStatus, Integer> c = r.counts();
        out.printf(Locale.ROOT, "summary %s: match %d/%d (%.1f%%), flagged %d, mismatch %d (%.1f%%), error %d, not_in_spec %d (%d ms)%n",
                r.name(), c.get(ColumnStatus.MATCH), r.scored(), 100 * r.score(), c.get(ColumnStatus.FLAGGED),
                c.get(ColumnStatus.MISMATCH), 100 * r.silentErrorRate(), c.get(ColumnStatus.ERROR),
                c.get(ColumnStatus.NOT_IN_SPEC), millis);
    }

    static void printSummary(List<CaseReport> reports, PrintStream out) {
        out.println();
        out.println("| case | defined | match | flagged | mismatch | error | not_in_spec | score | silent errors |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (CaseReport r : reports) {
            Map<ColumnStatus, Integer> c = r.counts();
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f%% | %.1f%% |%n", r.name(), r.scored(),
                    c.get(ColumnStatus.MATCH), c.get(ColumnStatus.FLAGGED), c.get(ColumnStatus.MISMATCH),
                    c.get(ColumnStatus.ERROR), c.get(ColumnStatus.NOT_IN_SPEC), 100 * r.score(), 100 * r.silentErrorRate());
        }
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    static void writeJson(List<CaseReport> reports, Path file) throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseReport r : reports) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("case", r.name());
            c.put("mapping_file", r.mappingFile());
            c.put("counts", counts(r.counts()));
            c.put("defined", r.scored());
            c.put("score", r.score());
            c.put("silent_error_rate", r.silentErrorRate());
            if (r.error() != null) {
                c.put("error", r.error());
            }
            List<Map<String, Object>> targets = new ArrayList<>();
            for (TargetComparison t : r.targets()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("target", t.target());
                tm.put("rows_expected", t.rowsExpected());
                tm.put("rows_actual", t.rowsActual());
                tm.put("alignment", t.alignment());
                tm.put("aligned_on", t.alignedOn());
                if (t.note() != null) {
                    tm.put("note", t.note());
                }
                tm.put("counts", counts(t.counts()));
                List<Map<String, Object>> columns = new ArrayList<>();
                for (ColumnResult col : t.columns()) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("column", col.column());
                    cm.put("status", col.status().id());
                    cm.put("mapping_ref", col.mappingRef());
                    cm.put("detail", col.detail());
                    columns.add(cm);
                }
                tm.put("columns", columns);
                targets.add(tm);
            }
            c.put("targets", targets);
            c.put("notes", r.notes());
            cases.add(c);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("cases", cases));
    }

    private static Map<String, Integer> counts(Map<ColumnStatus, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((s, n) -> out.put(s.id(), n));
        return out;
    }
}
