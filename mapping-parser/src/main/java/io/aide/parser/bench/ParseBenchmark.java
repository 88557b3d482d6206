package io.aide.parser.bench;

import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code aide bench parse}: parses a generated 100,000-row x 12-column mapping workbook with AIDE's streaming
 * parser (fastexcel-reader), POI SAX (XSSFReader + XSSFSheetXMLHandler) and POI usermodel (XSSFWorkbook), each in
 * its own JVM with a fixed heap, and prints a Markdown table.
 *
 * <p>Options: {@code --rows N} (100000), {@code --file PATH} (generated when absent), {@code --heap 128m},
 * {@code --iterations 5}, {@code --big-heap 2g}.
 */
public final class ParseBenchmark {

    private static final String[] HEADER = {"Target Table", "Target Column", "Target Data Type", "Source System",
            "Source Table", "Source Column", "Transformation Rule", "Join Condition", "Filter", "Key", "Nullable",
            "Description"};

    private ParseBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        try {
            if (args.length > 0 && args[0].equals("--child")) {
                return child(args, out);
            }
            return parent(args, out);
        } catch (Exception e) {
            out.println("benchmark failed: " + e);
            return 1;
        }
    }

    private static int parent(String[] args, PrintStream out) throws Exception {
        int rows = Integer.parseInt(option(args, "--rows", "100000"));
        String heap = option(args, "--heap", "128m");
        String bigHeap = option(args, "--big-heap", "2g");
        int iterations = Integer.parseInt(option(args, "--iterations", "5"));
        Path file = Path.of(option(args, "--file", Path.of(System.getProperty("java.io.tmpdir"), "aide-bench",
                "mapping-" + rows + "x12.xlsx").toString()));
        if (!Files.exists(file)) {
            out.println("generating " + file + " (" + rows + " rows x 12 columns) ...");
            generate(file, rows);
        }
        String load = loadAverage();
        List<String[]> results = new ArrayList<>();
        results.add(measure("AIDE MappingParser (fastexcel-reader, streaming)", "aide", heap, file, iterations, out));
        results.add(measure("POI SAX (XSSFReader + XSSFSheetXMLHandler)", "poi-sax", heap, file, iterations, out));
        results.add(measure("POI usermodel (XSSFWorkbook)", "poi-usermodel", heap, file, iterations, out));
        results.add(measure("POI usermodel (XSSFWorkbook)", "poi-usermodel", bigHeap, file, iterations, out));

        out.println();
        out.println("### Mapping parse benchmark (" + rows + " rows x 12 columns, " + Files.size(file) / 1024
                + " KB .xlsx)");
        out.println();
        out.println("- date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.println("- machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + totalMemory()
                + " memory, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", load average at start " + load);
        out.println("- java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.println("- method: each reader in its own JVM (-Xmx as shown), 1 warm-up + " + iterations
                + " timed runs, whole file read, -XX:+UseSerialGC; CPU = process CPU time (all threads, incl. GC), "
                + "which does not grow when other processes compete for the cores; AIDE's time includes the "
                + "zip-bomb/XXE container scan and building the MappingSpec");
        out.println();
        out.println("| reader | heap (-Xmx) | result | median wall (s) | min (s) | max (s) | median CPU (s) "
                + "| peak heap used (MB) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (String[] r : results) {
            out.println("| " + String.join(" | ", r) + " |");
        }
        return 0;
    }

    private static String[] measure(String label, String mode, String heap, Path file, int iterations,
                                     PrintStream out) throws IOException, InterruptedException {
        out.println("running " + label + " with -Xmx" + heap + " ...");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the collector the JVM picks by itself for a container of this size; keeps runs comparable
        List<String> cmd = List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ParseBenchmark.class.getName(), "--child", mode,
                file.toString(), String.valueOf(iterations));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                } else {
                    tail.add(line);
                    if (tail.size() > 5) {
                        tail.remove(0);
                    }
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new String[] {label, heap, "timed out", "-", "-", "-", "-", "-"};
        }
        if (result == null) {
            String why = tail.stream().filter(l -> l.contains("OutOfMemoryError")).findFirst()
                    .map(l -> "OutOfMemoryError").orElse("failed (exit " + p.exitValue() + ")");
            return new String[] {label, heap, why, "-", "-", "-", "-", "-"};
        }
        String[] f = result.split(";", -1);
        out.println("  " + f[0] + (f.length > 1 ? " median " + f[1] + " s" : ""));
        return new String[] {label, heap, f[0], f[1], f[2], f[3], f[5], f[4]};
    }

    /** Child JVM: {@code --child MODE FILE ITERATIONS}; prints one RESULT line. */
    private static int child(String[] args, PrintStream out) {
        String mode = args[1];
        Path file = Path.of(args[2]);
        int iterations = Integer.parseInt(args[3]);
        double[] times = new double[iterations];
        double[] cpu = new double[iterations];
        try {
            long cells = once(mode, file);
            for (int i = 0; i < iterations; i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                cells = once(mode, file);
                times[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (processCpuNanos() - c0) / 1e9;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            out.println("RESULT ok (" + cells + (mode.equals("aide") ? " mapping rows" : " filled cells") + ");" + fmt(times[times.length / 2]) + ";" + fmt(times[0]) + ";"
                    + fmt(times[times.length - 1]) + ";" + peakHeapMb() + ";" + fmt(cpu[cpu.length / 2]));
            return 0;
        } catch (OutOfMemoryError e) {
            times = null;
            out.println("RESULT OutOfMemoryError;-;-;-;" + peakHeapMb() + ";-");
            return 3;
        } catch (Exception e) {
            out.println("RESULT failed: " + e.toString().replace(';', ',') + ";-;-;-;-;-");
            return 4;
        }
    }

    private static long once(String mode, Path file) throws Exception {
        return switch (mode) {
            case "aide" -> {
                MappingSpec spec = new MappingParser(ParserLimits.defaults()).parse(file, file.getFileName().toString(),
                        ParseOptions.defaults());
                yield spec.rows().size();
            }
            case "poi-sax" -> poiSax(file);
            case "poi-usermodel" -> poiUsermodel(file);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    private static long poiSax(Path file) throws Exception {
        long[] cells = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    if (value != null) {
                                        cells[0]++;
                                    }
                                }
                            }, new DataFormatter(), false));
                    xml.parse(new InputSource(sheet));
                }
            }
        }
        return cells[0];
    }

    private static long poiUsermodel(Path file) throws Exception {
        long cells = 0;
        DataFormatter fmt = new DataFormatter();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (!fmt.formatCellValue(cell).isEmpty()) {
                            cells++;
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** A realistic wide mapping: 500 target tables of 200 columns, mixed rules, joins, filters and notes. */
    static void generate(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String[] types = {"INTEGER", "BIGINT", "VARCHAR(50)", "VARCHAR(255)", "DECIMAL(18,2)", "DATE", "TIMESTAMP",
                "BOOLEAN"};
        String[] systems = {"crm", "erp", "webshop", "billing"};
        String[] rules = {"Direct move", "TRIM and UPPER", "COALESCE with 0", "Convert cents to dollars: amount / 100",
                "Lookup in Country Codes", "CAST to DATE from yyyyMMdd", "Sum per order", "Concatenate with a space"};
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            Workbook wb = new Workbook(os, "AIDE", "1.0");
            Worksheet ws = wb.newWorksheet("Mappings");
            for (int c = 0; c < HEADER.length; c++) {
                ws.value(0, c, HEADER[c]);
            }
            for (int i = 0; i < rows; i++) {
                int r = i + 1;
                int table = i / 200;
                ws.value(r, 0, "target_table_" + table);
                ws.value(r, 1, "column_" + (i % 200));
                ws.value(r, 2, types[i % types.length]);
                ws.value(r, 3, systems[i % systems.length]);
                ws.value(r, 4, "src_table_" + (table % 97));
                ws.value(r, 5, i % 10 == 0 ? "a.col_" + i + ", b.col_" + i : "src_col_" + (i % 1000));
                ws.value(r, 6, rules[i % rules.length]);
                if (i % 7 == 0) {
                    ws.value(r, 7, "src_table_" + (table % 97) + ".id = dim_" + (i % 13) + ".id");
                }
                if (i % 11 == 0) {
                    ws.value(r, 8, "status <> 'deleted'");
                }
                ws.value(r, 9, i % 200 == 0 ? "PK" : "");
                ws.value(r, 10, i % 3 == 0 ? "N" : "Y");
                ws.value(r, 11, "Business meaning of column " + (i % 200) + " in table " + table);
            }
            wb.finish();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String option(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }

    private static String totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: fall through
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return String.format(Locale.ROOT, "%.1f GB", sun.getTotalMemorySize() / 1e9);
        }
        return "unknown";
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", l);
    }
}
