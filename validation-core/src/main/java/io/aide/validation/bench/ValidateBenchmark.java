package io.aide.validation.bench;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.validation.CheckResult;
import io.aide.validation.LayerValidator;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxLimits;
import io.aide.validation.ValidationInput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Validates a 20-column layer against a 100,000-row CSV sample in DuckDB: cold once, then warm runs, and prints
 * a Markdown table. Arguments: {@code [rows] [warm runs]}.
 */
public final class ValidateBenchmark {
    private static final String[] STATUSES = {"A", "I", "P"};
    private static final String[] COUNTRIES = {"DE", "FR", "US", "GB"};

    public static void main(String[] args) {
        run(args, System.out);
    }

    public static void run(String[] args, PrintStream out) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try {
            Path dir = Files.createTempDirectory("aide-bench-validate");
            Path csv = dir.resolve("customers.csv");
            writeSample(csv, rows);
            GeneratedLayers layers = layers();
            MappingSpec spec = new MappingSpec("bench", "bench", 1, "bench.xlsx", "xlsx", null, null, null,
                    List.of(new ReferenceTable("countries", List.of("code", "name"),
                            List.of(List.of("DE", "Germany"), List.of("FR", "France"), List.of("US", "United States"),
                                    List.of("GB", "United Kingdom")), "@mapping[Lookups:1]")), null);
            ValidationInput input = new ValidationInput(layers, spec, List.of(new SampleTable.CsvFile("customers", csv)));
            LayerValidator validator = new LayerValidator(SandboxLimits.defaults());

            long coldStart = System.nanoTime();
            List<CheckResult> results = validator.run(input, r -> { });
            double coldMs = (System.nanoTime() - coldStart) / 1e6;
            double[] warm = new double[warmRuns];
            double[] cpu = new double[warmRuns];
            for (int i = 0; i < warmRuns; i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                results = validator.run(input, r -> { });
                warm[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (processCpuNanos() - c0) / 1e6;
            }
            Arrays.sort(warm);
            Arrays.sort(cpu);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long failed = results.stream().filter(CheckResult::failed).count();
            out.println("# Validation benchmark (DuckDB)");
            out.println();
            out.println("| field | value |");
            out.println("|---|---|");
            out.println("| date | " + Instant.now() + " |");
            out.println("| machine | " + host() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB |");
            out.println("| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " |");
            out.println("| layer | 1 layer, " + layers.layers().get(0).columns().size() + " columns |");
            out.println("| sample | " + rows + " rows CSV (" + Files.size(csv) / 1024 + " KB) |");
            out.println("| checks per run | " + results.size() + " (" + failed + " failed) |");
            out.println("| sandbox | memory_limit " + SandboxLimits.defaults().memoryLimit() + ", threads "
                    + SandboxLimits.defaults().threads() + " |");
            out.println("| cold (first run in the JVM) | " + String.format("%.0f ms", coldMs) + " |");
            out.println("| warm median of " + warmRuns + " | " + String.format("%.0f ms", warm[warmRuns / 2]) + " |");
            out.println("| warm min / max | " + String.format("%.0f / %.0f ms", warm[0], warm[warmRuns - 1]) + " |");
            out.println("| warm CPU time of the process, median (all threads, DuckDB included) | "
                    + String.format("%.0f ms", cpu[warmRuns / 2]) + " |");
            out.println("| system load average while measuring | " + String.format("%.1f", load) + " |");
            out.println("| target | < 1000 ms warm: " + (warm[warmRuns / 2] < 1000 ? "met" : "NOT met") + " |");
            out.println("| JVM uptime | " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms |");
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time of the whole process, DuckDB's native threads included; -1 when the JVM cannot tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static void writeSample(Path csv, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,first_name,last_name,email,status,country_code,birth_date,signup_ts,credit_limit,balance,"
                    + "segment,city,zip,phone,score,is_active,orders,last_order_date,channel,notes\n");
            for (int i = 1; i <= rows; i++) {
                w.write(i + ",First" + i + ",Last" + i + ",user" + i + "@example.com," + STATUSES[i % 3] + ","
                        + COUNTRIES[i % 4] + "," + (1950 + i % 50) + "-0" + (1 + i % 9) + "-1" + (i % 9) + ","
                        + "2024-01-0" + (1 + i % 9) + " 10:00:00," + (i % 1000) * 10 + "," + (i % 777) + ".25,"
                        + "S" + (i % 5) + ",City" + (i % 300) + "," + (10000 + i % 89999) + ",+49-" + i + ","
                        + (i % 100) + "," + (i % 2 == 0) + "," + (i % 40) + ",2024-0" + (1 + i % 9) + "-0" + (1 + i % 9)
                        + ",web,note " + i + "\n");
            }
        }
    }

    private static GeneratedLayers layers() {
        String[][] cols = {
                {"customer_id", "BIGINT", "c.id"},
                {"first_name", "VARCHAR(50)", "c.first_name"},
                {"last_name", "VARCHAR(50)", "c.last_name"},
                {"full_name", "VARCHAR(120)", "c.first_name || ' ' || c.last_name"},
                {"email", "VARCHAR(100)", "lower(c.email)"},
                {"status_desc", "VARCHAR(20)", "CASE c.status WHEN 'A' THEN 'Active' WHEN 'I' THEN 'Inactive' WHEN 'P' THEN 'Pending' END"},
                {"country_code", "VARCHAR(2)", "c.country_code"},
                {"birth_date", "DATE", "CAST(c.birth_date AS DATE)"},
                {"signup_ts", "TIMESTAMP", "c.signup_ts"},
                {"credit_limit", "DECIMAL(12,2)", "c.credit_limit"},
                {"balance", "DECIMAL(12,2)", "c.balance"},
                {"segment", "VARCHAR(10)", "c.segment"},
                {"city", "VARCHAR(50)", "upper(c.city)"},
                {"zip", "VARCHAR(10)", "CAST(c.zip AS VARCHAR)"},
                {"phone", "VARCHAR(30)", "c.phone"},
                {"score", "INTEGER", "c.score"},
                {"is_active", "BOOLEAN", "c.is_active"},
                {"order_count", "INTEGER", "c.orders"},
                {"last_order_date", "DATE", "c.last_order_date"},
                {"channel", "VARCHAR(10)", "coalesce(c.channel, 'unknown')"}};
        List<GeneratedLayers.Column> columns = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT\n");
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            String ref = "@mapping[Mappings:" + (i + 2) + "]";
            refs.add(ref);
            String source = "customers." + cols[i][2].replaceAll(".*?c\\.(\\w+).*", "$1");
            List<String> accepted = cols[i][0].equals("status_desc") ? List.of("Active", "Inactive", "Pending") : null;
            String lookup = cols[i][0].equals("country_code") ? "countries" : null;
            columns.add(new GeneratedLayers.Column(cols[i][0], cols[i][1], ref, "compiled", null, List.of(source),
                    i == 0, i < 3 ? Boolean.FALSE : Boolean.TRUE, accepted, lookup));
            select.append("  ").append(cols[i][2]).append(" AS ").append(cols[i][0]).append(i < cols.length - 1 ? ",\n" : "\n");
        }
        String from = "FROM customers c";
        String sql = select + from;
        List<GeneratedLayers.Block> blocks = List.of(
                new GeneratedLayers.Block("select_clause", 1, 1, Map.of("duckdb", select.toString()), refs),
                new GeneratedLayers.Block("joins", 2, 1, Map.of("duckdb", from), List.of()));
        GeneratedLayers.Layer layer = new GeneratedLayers.Layer("dim_customer", Map.of("duckdb", sql), null, blocks,
                columns, List.of("customers"), List.of("customer_id"));
        return new GeneratedLayers("bench", "bench", 1, 1, List.of(layer));
    }

    private ValidateBenchmark() {
    }
}
