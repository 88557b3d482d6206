package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.cli.eval.CaseReport;
import io.aide.cli.eval.CaseRunner;
import io.aide.e2e.Stack.Part;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.TargetComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case of ../shared/eval run through the running services as a user would: the mapping and its reference
 * files uploaded, the sample sources and expected rows registered as a data source, a generation bound to it, and
 * the validator's expected_output check compared with what {@code ./aide eval} computes in-process.
 */
class EvalCasesThroughServicesIT {
    private static final Path EVAL = Path.of(System.getProperty("aide.shared.dir", "../../shared"), "eval");
    private static final Pattern COUNTS = Pattern.compile(
            "(\\d+) match, (\\d+) mismatch, (\\d+) error, (\\d+) flagged");
    private static String alice;

    @BeforeAll
    static void login() {
        assertThat(EVAL.resolve("README.md")).as("the shared eval set must sit beside the repository (../shared/eval)")
                .exists();
        alice = Stack.token("alice", "alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "solar-logistics", "sdtm-oak-cm"})
    void shouldValidateTheCaseThroughTheServicesAsTheInProcessEvalScoresIt(String name) throws Exception {
        // Given the case as a user would bring it: mapping + reference files, then sources + expected rows
        Path caseDir = EVAL.resolve(name);
        CaseReport inProcess = new CaseRunner().run(caseDir);
        String documentId = uploadMapping(caseDir);
        String dataSourceId = uploadSamples(caseDir);
        String generationId = Stack.newGenerationId();

        // When a DuckDB generation bound to the data source runs to its end
        SseStream stream = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId,
                "documentId", documentId, "dialects", List.of("duckdb"), "dataSourceId", dataSourceId));
        List<SseEvent> received = events.get(240, TimeUnit.SECONDS);
        JsonNode validation = Stack.json(Stack.get(alice, "/api/v1/validations/" + generationId).body());

        // Then the expected_output check of every target agrees with ./aide eval
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(received).extracting(SseEvent::event).contains("validation", "generation_complete");
        assertThat(inProcess.error()).isNull();
        assertThat(inProcess.targets()).isNotEmpty();
        for (TargetComparison expected : inProcess.targets()) {
            JsonNode check = result(validation, "expected_output", expected.target());
            assertThat(check).as("expected_output of %s in %s", expected.target(), validation).isNotNull();
            int[] counts = counts(check.path("message").asText());
            // the same counts as ./aide eval (whose own test pins the one mismatch the sdtm case has, see EvalCasesTest)
            int mismatches = expected.counts().get(ColumnStatus.MISMATCH);
            assertThat(counts).as("match, mismatch, error, flagged of %s: %s", expected.target(), check.path("message"))
                    .containsExactly(expected.counts().get(ColumnStatus.MATCH), mismatches, 0,
                            expected.counts().get(ColumnStatus.FLAGGED));
            assertThat(check.path("status").asText()).isEqualTo(mismatches == 0 ? "pass" : "fail");
        }
        JsonNode execution = result(validation, "execution", null);
        assertThat(execution == null ? "no execution check" : execution.path("status").asText()).isEqualTo("pass");
        JsonNode hashmap = Stack.json(Stack.get(alice, "/api/v1/generations/" + generationId).body());
        assertThat(hashmap.path("dataSourceId").asText()).isEqualTo(dataSourceId);
        assertThat(hashmap.path("status").asText()).isEqualTo("completed");
    }

    private static String uploadMapping(Path caseDir) throws IOException {
        List<Part> parts = new ArrayList<>();
        Path mapping = files(caseDir).stream().filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                .matches("mapping\\.(xlsx|xls|csv|tsv)")).findFirst().orElseThrow();
        parts.add(new Part("file", mapping.getFileName().toString(), Files.readAllBytes(mapping)));
        for (Path reference : files(caseDir.resolve("reference"))) {
            parts.add(new Part("reference", reference.getFileName().toString(), Files.readAllBytes(reference)));
        }
        return Mappings.uploadParsed(alice, parts, Duration.ofSeconds(90));
    }

    private static String uploadSamples(Path caseDir) throws IOException {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("name", null, (caseDir.getFileName() + " samples").getBytes()));
        for (Path source : files(caseDir.resolve("sources"))) {
            parts.add(new Part("file", source.getFileName().toString(), Files.readAllBytes(source)));
        }
        for (Path expected : files(caseDir.resolve("expected"))) {
            parts.add(new Part("expected", expected.getFileName().toString(), Files.readAllBytes(expected)));
        }
        HttpResponse<String> created = Stack.multipart(alice, "/api/v1/datasources/upload", parts);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Stack.json(created.body()).path("dataSourceId").asText();
    }

    private static JsonNode result(JsonNode validation, String check, String target) {
        for (JsonNode r : validation.path("results")) {
            if (r.path("check").asText().equals(check)
                    && (target == null || r.path("target").asText().equalsIgnoreCase(target))) {
                return r;
            }
        }
        return null;
    }

    private static int[] counts(String message) {
        Matcher m = COUNTS.matcher(message);
        assertThat(m.find()).as("counts in '%s'", message).isTrue();
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
