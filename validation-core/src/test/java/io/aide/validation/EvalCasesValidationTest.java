package io.aide.validation;

import io.aide.compiler.CompileOptions;
import io.aide.compiler.SchemaCatalog;
import io.aide.compiler.SemanticLayerCompiler;
import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysts' documents in ../shared/eval, parsed and compiled for real, then validated on their sources. */
class EvalCasesValidationTest {
    private final LayerValidator validator = new LayerValidator(SandboxLimits.defaults());

    private static Path caseDir(String name) {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(module.resolve("validation-core")) ? module : module.getParent();
        // ../shared beside the checkout, or AIDE_SHARED_DIR for a checkout elsewhere (a git worktree)
        String shared = System.getenv("AIDE_SHARED_DIR");
        Path dir = (shared == null || shared.isBlank() ? root.resolve("../shared") : Path.of(shared))
                .resolve("eval").resolve(name).normalize();
        assertTrue(Files.isDirectory(dir), "evaluation case not present at " + dir
                + ": the shared development material must sit beside the project (../shared) or at AIDE_SHARED_DIR");
        return dir;
    }

    private record Case(MappingSpec spec, GeneratedLayers layers, List<SampleTable> samples, Map<String, Path> expected) {
    }

    private static final Map<String, Case> CASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Case load(String name) throws Exception {
        Case cached = CASES.get(name);
        if (cached == null) {
            cached = parseAndCompile(name);
            CASES.put(name, cached);
        }
        return cached;
    }

    private static Case parseAndCompile(String name) throws Exception {
        Path dir = caseDir(name);
        Path mapping;
        try (Stream<Path> s = Files.list(dir)) {
            mapping = s.filter(p -> p.getFileName().toString().startsWith("mapping.")).findFirst().orElseThrow();
        }
        MappingSpec spec = new MappingParser(ParserLimits.defaults()).parse(mapping, mapping.getFileName().toString(),
                ParseOptions.of("eval-" + name, "eval").withReferenceFiles(list(dir.resolve("reference"))));
        List<SampleTable> samples = new ArrayList<>();
        List<SchemaCatalog.Table> tables = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve("sources"), 2)) {
            for (Path csv : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String table = csv.getFileName().toString().replace(".csv", "");
                Path parent = dir.resolve("sources").relativize(csv).getParent();
                samples.add(new SampleTable.CsvFile(parent == null ? table : parent + "." + table, csv));
                String header = Files.readAllLines(csv).get(0).replace("\ufeff", "");
                tables.add(new SchemaCatalog.Table(parent == null ? null : parent.toString(), table,
                        Arrays.stream(header.split(",")).map(h -> new SchemaCatalog.Column(h.replace("\"", "").trim(), null))
                                .toList(), List.of(), List.of()));
            }
        }
        Map<String, Path> expected = new LinkedHashMap<>();
        for (Path e : list(dir.resolve("expected"))) {
            expected.put(e.getFileName().toString().replace(".csv", ""), e);
        }
        GeneratedLayers layers = new SemanticLayerCompiler().compile(spec,
                new CompileOptions(List.of("duckdb", "postgres"), List.of(), new SchemaCatalog(tables)), null)
                .toGeneratedLayers("gen_" + name, "doc_" + name, 1, 1);
        return new Case(spec, layers, samples, expected);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "solar-logistics", "sdtm-oak-cm"})
    void shouldRunEveryLayerOfTheCaseOnItsSourcesAndCompareWithTheExpectedRows(String name) throws Exception {
        // Given
        Case c = load(name);
        ValidationInput input = new ValidationInput(c.layers(), c.spec(), c.samples(), List.of("duckdb", "postgres"), c.expected());

        // When
        List<CheckResult> results = validator.run(input, r -> { });

        // Then
        assertThat(results).hasSize(validator.plan(input).size());
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXECUTION))
                .hasSize(c.layers().layers().size())
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckResult.PASS));
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXPECTED_OUTPUT)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isIn(CheckResult.PASS, CheckResult.FAIL));
        assertThat(results).noneMatch(r -> r.code() != null && (r.code().startsWith("sandbox:") || r.code().equals("check:internal")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "solar-logistics", "sdtm-oak-cm"})
    void shouldRunEveryLayerOfTheCaseOnSynthesizedRowsWithoutSamples(String name) throws Exception {
        // Given
        Case c = load(name);

        // When
        List<CheckResult> results = validator.run(new ValidationInput(c.layers(), c.spec(), List.of()), r -> { });

        // Then
        assertThat(results).filteredOn(r -> r.check().equals(Checks.EXECUTION))
                .hasSize(c.layers().layers().size())
                .allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckResult.PASS));
    }
}
