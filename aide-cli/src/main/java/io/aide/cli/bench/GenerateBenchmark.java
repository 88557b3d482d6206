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
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench generate}: a synthetic 1,000-row mapping with the rule patterns analysts write, compiled into every
 * block of one dialect, warm. By default measured inside the running sqlgen-service ({@link ServiceGenerateBenchmark}),
 * then in this JVM as a reference row; {@code --in-process} measures only the latter. Prints Markdown tables.
 */
public final class GenerateBenchmark {
    static final double TARGET_MILLIS = 200;
    static final List<String> SOURCE_TABLES = List.of("orders", "payments");
    static final List<String> SOURCE_COLUMNS = List.of("id", "code", "amount", "status", "raw_date", "mode", "first_name",
            "last_name", "order_date", "order_id");
    private static final String[] RULES = {
            "Direct move", "Cast to integer", "Trim and uppercase", "'N/A' → NULL; otherwise copied", "'Yes'/'No' → 1/0",
            "Parsed %d-%b-%y", "amount / 100", "If status = 'A' then 'Active' else 'Inactive'", "Default 0",
            "Normalized via ref.mode_map", "Concatenate first_name and last_name with a space", "First 3 characters",
            "Sum of amount / 100 where status = 'A'", "Count of orders", "Latest order_date (MAX)"};
    private static final String[] TYPES = {"VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "BOOLEAN", "DATE", "DECIMAL(18,2)",
            "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "DECIMAL(18,2)", "BIGINT", "DATE"};

    /** Warm compiles in this JVM: wall and CPU time of the compiling thread. */
    record InProcessResult(int rows, int targets, int blocks, int flagged, String dialect, int runs, int warmup,
                           Stats wall, Stats cpu, double load) {
    }

    private GenerateBenchmark() {
    }

    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.err, System.getenv());
    }

    /** Exit 0 when the median is under 200 ms, 1 when not or when a generation fails, 2 on usage or a stack that does not answer. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        GenerateOptions options;
        try {
            options = GenerateOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(GenerateOptions.USAGE);
            return 2;
        }
        String report;
        int code;
        if (options.inProcess()) {
            InProcessResult local = measureInProcess(options.rows(), options.inProcessRuns(), options.inProcessWarmup(),
                    options.dialect());
            report = inProcessTable(local);
            code = local.wall().median() < TARGET_MILLIS || local.cpu().median() < TARGET_MILLIS ? 0 : 1;
        } else {
            ServiceGenerateBenchmark.Result service;
            try {
                service = new ServiceGenerateBenchmark(options, err).measure();
            } catch (BenchException e) {
                err.println("bench generate: " + e.getMessage());
                return e.exitCode();
            }
            InProcessResult local = null;
            try {
                local = measureInProcess(options.rows(), options.inProcessRuns(), options.inProcessWarmup(),
                        options.dialect());
            } catch (RuntimeException | LinkageError e) {
                // the service figure is the requirement; a reference that cannot run must not throw it away
                err.println("bench generate: the in-process reference failed: " + e);
            }
            report = serviceTable(service, local);
            code = service.compile().median() < TARGET_MILLIS ? 0 : 1;
        }
        out.print(report);
        if (options.out() != null) {
            try {
                Files.writeString(options.out(), "# bench generate\n\n" + report);
            } catch (IOException e) {
                err.println("cannot write " + options.out() + ": " + e.getMessage());
                return 2;
            }
        }
        return code;
    }

    static InProcessResult measureInProcess(int rows, int runs, int warmup, String dialect) {
        MappingSpec spec = syntheticSpec(rows);
        CompileOptions options = new CompileOptions(List.of(dialect), List.of(), catalog());
        SemanticLayerCompiler compiler = new SemanticLayerCompiler();
        CompilationResult last = null;
        for (int i = 0; i < warmup; i++) {
            last = compiler.compile(spec, options, null);
        }
        double[] times = new double[runs];
        double[] cpu = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = compiler.compile(spec, options, null);
            times[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        int blocks = last.layers().stream().mapToInt(l -> l.blocks().size()).sum();
        return new InProcessResult(rows, last.layers().size(), blocks, last.flaggedColumns(), dialect, runs, warmup,
                Stats.of(times), Stats.of(cpu), ServiceGenerateBenchmark.load());
    }

    private static String inProcessTable(InProcessResult r) {
        return String.format(Locale.ROOT, """
                | benchmark | mapping rows | targets | blocks | flagged | dialect | runs (warmup) | median wall | p90 wall | median CPU | target |
                |---|---|---|---|---|---|---|---|---|---|---|
                | bench generate | %d | %d | %d | %d | %s | %d (%d) | %.1f ms | %.1f ms | %.1f ms | < 200 ms |

                %s
                """, r.rows(), r.targets(), r.blocks(), r.flagged(), r.dialect(), r.runs(), r.warmup(), r.wall().median(),
                r.wall().p90(), r.cpu().median(), machine(String.format(Locale.ROOT, "load average %.1f while measuring",
                        r.load())));
    }

    private static String serviceTable(ServiceGenerateBenchmark.Result s, InProcessResult r) {
        ServiceGenerateBenchmark.Generation g = s.last();
        String binding = s.bound() ? "bound to data source " + s.dataSourceId()
                : "NOT bound to data source " + s.dataSourceId() + " (the hashmap names none; the compiler had no schema)";
        String cpu = s.sqlgenCpu() == null ? "-"
                : String.format(Locale.ROOT, "%.0f / %.0f ms", s.sqlgenCpu().median(), s.sqlgenCpu().p90());
        String reference = r == null ? "| bench generate --in-process | aide-cli JVM (reference) | failed, see the "
                + "message above | | | | | | | | | | | |"
                : String.format(Locale.ROOT, "| bench generate --in-process | aide-cli JVM (reference) | %d | %d | %d | %d "
                        + "| %s | %d (%d) | %.1f ms | %.1f ms | - | - | %.1f ms (compiling thread) | < 200 ms |",
                r.rows(), r.targets(), r.blocks(), r.flagged(), r.dialect(), r.runs(), r.warmup(), r.wall().median(),
                r.wall().p90(), r.cpu().median());
        String load = String.format(Locale.ROOT, "load average %.1f before and %.1f after the measured service runs",
                s.loadBefore(), s.loadAfter()) + (r == null ? "" : String.format(Locale.ROOT,
                ", %.1f after the in-process ones", r.load()));
        return String.format(Locale.ROOT, """
                | benchmark | measured in | mapping rows | targets | blocks | flagged | dialect | runs (warmup) | compile median | compile p90 | compile stage median / p90 | request → completed median / p90 | service CPU per generation median / p90 | target |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                | bench generate | sqlgen-service, `timings.compileMillis` | %d | %d | %d | %d | %s | %d (%d) | %.1f ms | %.1f ms | %.1f / %.1f ms | %.0f / %.0f ms | %s | < 200 ms (compile median) |
                %s

                Service: gateway %s, document %s (%d rows parsed from CSV), each generation %s.
                compile = the generation's `timings.compileMillis`, compile stage = `timings.compileStageMillis` (both
                timed by sqlgen-service); request → completed = POST /api/v1/generations until its `done` event
                (validation on the samples included); service CPU = sqlgen-service process CPU time (all threads) over
                that interval, from its /q/metrics. The in-process reference binds to a catalog with every column VARCHAR.
                %s
                """, g.mappingRows(), g.targets(), g.blocks(), g.flagged(), s.dialect(), s.runs(), s.warmup(),
                s.compile().median(), s.compile().p90(), s.stage().median(), s.stage().p90(), s.wall().median(),
                s.wall().p90(), cpu, reference, s.gatewayUrl(), s.documentId(), s.rowsParsed(), binding, machine(load));
    }

    private static String machine(String load) {
        return String.format(Locale.ROOT, "Machine: %s, %d cores, %s, %s, Java %s, max heap %d MB. Date: %s.", cpu(),
                Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), ZonedDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
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

    static SchemaCatalog catalog() {
        return new SchemaCatalog(SOURCE_TABLES.stream().map(table -> new SchemaCatalog.Table(null, table,
                SOURCE_COLUMNS.stream().map(c -> new SchemaCatalog.Column(c, "VARCHAR")).toList(), List.of("id"),
                List.of())).toList());
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
