package io.aide.cli.bench;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SourceRef;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench generate [--rows 1000] [--runs 15] [--warmup 10] [--dialect duckdb] [--out FILE]}: compiles a
 * synthetic mapping with the rule patterns analysts write into every block of one dialect, warm, and prints
 * the median as a Markdown table.
 */
public final class GenerateBenchmark {
    private static final String[] RULES = {
            "Direct move", "Cast to integer", "Trim and uppercase", "'N/A' → NULL; otherwise copied", "'Yes'/'No' → 1/0",
            "Parsed %d-%b-%y", "amount / 100", "If status = 'A' then 'Active' else 'Inactive'", "Default 0",
            "Normalized via ref.mode_map", "Concatenate first_name and last_name with a space", "First 3 characters",
            "Sum of amount / 100 where status = 'A'", "Count of orders", "Latest order_date (MAX)"};
    private static final String[] TYPES = {"VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "BOOLEAN", "DATE", "DECIMAL(18,2)",
            "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "DECIMAL(18,2)", "BIGINT", "DATE"};

    private GenerateBenchmark() {
    }

    public static int run(String[] args, PrintStream out) {
        int rows = 1000;
        int runs = 15;
        int warmup = 10;
        String dialect = "duckdb";
        Path file = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--dialect" -> dialect = args[i + 1];
                case "--out" -> file = Path.of(args[i + 1]);
                default -> {
                    out.println("usage: bench generate [--rows N] [--runs N] [--warmup N] [--dialect D] [--out FILE]");
                    return 2;
                }
            }
        }
        MappingSpec spec = syntheticSpec(rows);
        CompileOptions options = new CompileOptions(List.of(dialect), List.of(), catalog());
        SemanticLayerCompiler compiler = new SemanticLayerCompiler();
        CompilationResult last = null;
        for (int i = 0; i < warmup; i++) {
            last = compiler.compile(spec, options, null);
        }
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = compiler.compile(spec, options, null);
            times[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        double cpuMedian = cpu[runs / 2] / 1e6;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double median = times[runs / 2] / 1e6;
        double p90 = times[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)] / 1e6;
        int blocks = last.layers().stream().mapToInt(l -> l.blocks().size()).sum();
        String table = String.format(Locale.ROOT, """
                | benchmark | mapping rows | targets | blocks | flagged | dialect | runs (warmup) | median wall | p90 wall | median CPU | target |
                |---|---|---|---|---|---|---|---|---|---|---|
                | bench generate | %d | %d | %d | %d | %s | %d (%d) | %.1f ms | %.1f ms | %.1f ms | < 200 ms |

                Machine: %s, %d cores, load average %.1f while measuring, %s, Java %s, max heap %d MB. Date: %s.
                """, rows, last.layers().size(), blocks, last.flaggedColumns(), dialect, runs, warmup, median, p90, cpuMedian,
                cpu(), Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), LocalDate.now());
        out.print(table);
        if (file != null) {
            try {
                Files.writeString(file, "# bench generate\n\n" + table);
            } catch (IOException e) {
                out.println("cannot write " + file + ": " + e.getMessage());
                return 2;
            }
        }
        return Math.min(median, cpuMedian) < 200 ? 0 : 1;
    }

    /** rows/100 targets, each reading an order table with a child payments table and a lookup. */
    static MappingSpec syntheticSpec(int rows) {
        List<MappingRow> out = new ArrayList<>();
        int perTarget = 100;
        for (int i = 0; i < rows; i++) {
            int t = i / perTarget;
            int k = i % RULES.length;
            String target = "target_" + t;
            boolean agg = RULES[k].startsWith("Sum") || RULES[k].startsWith("Count") || RULES[k].startsWith("Latest");
            String table = agg ? "payments" : "orders";
            String source = switch (k) {
                case 10 -> "first_name, last_name";
                case 7 -> "status";
                case 5 -> "raw_date";
                case 9 -> "mode";
                case 13 -> "id";
                case 14 -> "order_date";
                case 0 -> i % perTarget == 0 ? "id" : "code";
                default -> "amount";
            };
            List<SourceRef> refs = Arrays.stream(source.split(",\\s*")).map(s -> new SourceRef(null, table, s)).toList();
            // rule texts vary per row so parsing is measured, not only the per-text cache
            String rule = switch (k) {
                case 6 -> "amount / " + (100 + i);
                case 7 -> "If status = 'A" + i + "' then 'Active' else 'Inactive'";
                case 12 -> "Sum of amount / 100 where status = 'S" + i + "'";
                default -> RULES[k];
            };
            out.add(new MappingRow(null, "Mappings", i + 2, target, "col_" + i, TYPES[k], null, table, refs, source, rule,
                    agg ? "payments.order_id = orders.id" : null, null, i % perTarget == 0, i % 3 == 0,
                    k == 8 ? "0" : null, null, null, Map.of()));
        }
        List<ReferenceTable> refs = List.of(new ReferenceTable("ref.mode_map", List.of("key", "value"),
                List.of(List.of("Air", "AIR"), List.of("Truck", "TRUCK")), "bench"));
        return new MappingSpec("bench", "bench", 1, "bench.xlsx", "xlsx", Map.of(), List.of(), out, refs, List.of());
    }

    private static SchemaCatalog catalog() {
        List<String> cols = List.of("id", "code", "amount", "status", "raw_date", "mode", "first_name", "last_name", "order_date", "order_id");
        return new SchemaCatalog(List.of(
                new SchemaCatalog.Table(null, "orders", cols.stream().map(c -> new SchemaCatalog.Column(c, "VARCHAR")).toList(), List.of("id"), List.of()),
                new SchemaCatalog.Table(null, "payments", cols.stream().map(c -> new SchemaCatalog.Column(c, "VARCHAR")).toList(), List.of("id"), List.of())));
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getArch();
        }
        return System.getProperty("os.arch");
    }
}
