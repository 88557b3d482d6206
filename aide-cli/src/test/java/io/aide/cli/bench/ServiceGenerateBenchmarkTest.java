package io.aide.cli.bench;

import io.aide.compiler.CompilationResult;
import io.aide.compiler.CompileOptions;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceGenerateBenchmarkTest {

    @TempDir
    Path dir;

    private MappingSpec parseRendered(MappingSpec spec) throws Exception {
        Path mapping = Files.writeString(dir.resolve("bench-generate.csv"), BenchFiles.mappingCsv(spec));
        ReferenceTable lookup = spec.referenceTables().get(0);
        Path reference = Files.writeString(dir.resolve(BenchFiles.referenceFileName(lookup)), BenchFiles.referenceCsv(lookup));
        return new MappingParser().parse(mapping, "bench-generate.csv", ParseOptions.defaults()
                .withReferenceFiles(List.of(reference)));
    }

    @Test
    void shouldParseTheRenderedMappingBackIntoEveryRowAndField() throws Exception {
        // Given
        MappingSpec written = GenerateBenchmark.syntheticSpec(1000);

        // When
        MappingSpec parsed = parseRendered(written);

        // Then
        assertThat(parsed.rows()).hasSize(1000);
        assertThat(parsed.rowsByTarget()).hasSize(10);
        for (int i = 0; i < written.rows().size(); i++) {
            MappingRow w = written.rows().get(i);
            MappingRow p = parsed.rows().get(i);
            assertThat(List.of(p.targetTable(), p.targetColumn(), p.targetType(), p.sourceTable(), p.transformation()))
                    .as("row %d", i).isEqualTo(List.of(w.targetTable(), w.targetColumn(), w.targetType(), w.sourceTable(),
                            w.transformation()));
            assertThat(p.sourceColumns()).extracting(s -> s.column()).as("row %d", i)
                    .isEqualTo(w.sourceColumns().stream().map(s -> s.column()).toList());
            assertThat(p.join()).as("row %d", i).isEqualTo(w.join());
            assertThat(p.key()).as("row %d", i).isEqualTo(w.key());
            assertThat(p.nullable()).as("row %d", i).isEqualTo(w.nullable());
            assertThat(p.defaultValue()).as("row %d", i).isEqualTo(w.defaultValue());
        }
    }

    @Test
    void shouldCompileTheUploadedMappingWithItsLookupLikeTheInProcessOne() throws Exception {
        // Given
        MappingSpec written = GenerateBenchmark.syntheticSpec(1000);
        MappingSpec parsed = parseRendered(written);
        CompileOptions options = new CompileOptions(List.of("duckdb"), List.of(), GenerateBenchmark.catalog());

        // When
        CompilationResult fromCsv = new SemanticLayerCompiler().compile(parsed, options, null);
        CompilationResult inProcess = new SemanticLayerCompiler().compile(written, options, null);

        // Then
        assertThat(parsed.referenceTables()).extracting(ReferenceTable::name).contains("mode_map");
        assertThat(fromCsv.layers()).hasSize(inProcess.layers().size());
        assertThat(fromCsv.layers().stream().mapToInt(l -> l.blocks().size()).sum())
                .isEqualTo(inProcess.layers().stream().mapToInt(l -> l.blocks().size()).sum());
        assertThat(fromCsv.flaggedColumns()).isEqualTo(inProcess.flaggedColumns()).isZero();
    }

    @Test
    void shouldWriteSampleTablesWithEveryColumnTheMappingReads() {
        // When
        String csv = BenchFiles.sampleCsv(GenerateBenchmark.SOURCE_COLUMNS);

        // Then
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", GenerateBenchmark.SOURCE_COLUMNS));
        assertThat(lines).hasSize(1 + BenchFiles.SAMPLE_ROWS);
        assertThat(lines.get(1).split(",")).hasSize(GenerateBenchmark.SOURCE_COLUMNS.size());
    }

    @Test
    void shouldTakeTheStackFromTheEnvironmentAndKeepSeparateDefaults() {
        // Given
        Map<String, String> env = Map.of("AIDE_GATEWAY_URL", "http://127.0.0.1:18080/",
                "AIDE_OIDC_URL", "http://127.0.0.1:58280/realms/aide", "AIDE_SQLGEN_MANAGEMENT_URL", "http://127.0.0.1:19082");

        // When
        GenerateOptions options = GenerateOptions.parse(new String[]{"--rows", "500"}, env);

        // Then
        assertThat(options.gatewayUrl()).isEqualTo("http://127.0.0.1:18080");
        assertThat(options.oidcUrl()).isEqualTo("http://127.0.0.1:58280/realms/aide");
        assertThat(options.sqlgenUrl()).isEqualTo("http://127.0.0.1:19082");
        assertThat(options.rows()).isEqualTo(500);
        assertThat(options.inProcess()).isFalse();
        assertThat(List.of(options.serviceRuns(), options.serviceWarmup(), options.inProcessRuns(),
                options.inProcessWarmup())).containsExactly(15, 10, 15, 10);
    }

    @Test
    void shouldApplyRunsAndWarmupToBothMeasurementsWhenGiven() {
        // When
        GenerateOptions options = GenerateOptions.parse(new String[]{"--in-process", "--runs", "3", "--warmup", "0"},
                Map.of());

        // Then
        assertThat(options.inProcess()).isTrue();
        assertThat(options.gatewayUrl()).isEqualTo(GenerateOptions.DEFAULT_GATEWAY);
        assertThat(List.of(options.serviceRuns(), options.serviceWarmup(), options.inProcessRuns(),
                options.inProcessWarmup())).containsExactly(3, 0, 3, 0);
    }

    @Test
    void shouldRefuseUnknownOptionsMissingValuesAndBadNumbers() {
        // When / Then
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"--fast"}, Map.of()))
                .hasMessageContaining("unknown option '--fast'");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"--runs"}, Map.of()))
                .hasMessageContaining("--runs needs a value");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"--runs", "many"}, Map.of()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"--runs", "0"}, Map.of()))
                .hasMessageContaining("at least 1");
    }

    @Test
    void shouldExitTwoWithUsageOnABadOption() {
        // Given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int code = GenerateBenchmark.run(new String[]{"--bogus", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        // Then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'").contains("usage: bench generate");
    }

    @Test
    void shouldExitTwoNamingTheUrlAndAideUpWhenNoStackAnswers() throws Exception {
        // Given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String oidc = "http://127.0.0.1:" + closedPort + "/realms/aide";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // When
        int code = GenerateBenchmark.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("AIDE_GATEWAY_URL", "http://127.0.0.1:" + closedPort, "AIDE_OIDC_URL", oidc));

        // Then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(oidc).contains("./aide up");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
