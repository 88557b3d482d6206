package io.aide.document.rest;

import io.aide.document.DocumentEvents;
import io.aide.document.InMemoryMessaging;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingSpec;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParsed;
import io.aide.parser.MappingParser;
import io.aide.parser.ParseOptions;
import io.aide.parser.ParserLimits;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.AideTestEnvironment;
import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared evaluation cases (../shared/eval beside the repository) sent through the API: the service's spec must
 * be the one {@code ./aide eval} parses in-process, and the case's sources and expected rows a data source.
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class EvalCaseUploadTest {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private static Path caseDir(String name) {
        // ../shared beside the checkout, or AIDE_SHARED_DIR for a checkout elsewhere (a git worktree)
        Path shared = Path.of(Infra.setting("AIDE_SHARED_DIR",
                AideTestEnvironment.repositoryRoot().resolve("../shared").toString()));
        Path dir = shared.resolve("eval").resolve(name).normalize();
        assertTrue(Files.isDirectory(dir), "evaluation case not present at " + dir
                + ": the shared development material must sit beside the project (../shared) or at AIDE_SHARED_DIR");
        return dir;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path mappingFile(Path caseDir) {
        Path xlsx = caseDir.resolve("mapping.xlsx");
        return Files.exists(xlsx) ? xlsx : caseDir.resolve("mapping.csv");
    }

    /** sources/ and expected/ of the case, zipped under the case's folder as an analyst would zip it. */
    private static byte[] zipSourcesAndExpected(Path caseDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(caseDir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = caseDir.relativize(f).toString().replace('\\', '/');
                if (relative.startsWith("sources/") || relative.startsWith("expected/")) {
                    out.putNextEntry(new ZipEntry(caseDir.getFileName() + "/" + relative));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> tableNames(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.csv$", ""))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "sdtm-oak-cm", "solar-logistics"})
    void shouldParseACaseWithItsReferenceFilesAsTheEvalCommandDoes(String name) throws Exception {
        // Given
        Path dir = caseDir(name);
        Path mapping = mappingFile(dir);
        List<Path> references = files(dir.resolve("reference"));
        MappingSpec inProcess = new MappingParser(ParserLimits.defaults()).parse(mapping,
                mapping.getFileName().toString(), ParseOptions.of("eval-" + name, "eval").withReferenceFiles(references));
        String tenant = tenant("eval");
        DocumentEvents events = new DocumentEvents(connector);
        RequestSpecification request = as(tenant).multiPart("file", mapping.toFile());
        for (Path reference : references) {
            request = request.multiPart("reference", reference.toFile());
        }

        // When
        String id = request.post("/internal/v1/documents").then().statusCode(202).extract().path("documentId");
        events.deliver(events.await(DocumentUploaded.TYPE, id));
        events.await(MappingParsed.TYPE, id);

        // Then
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed"))
                .body("referenceFiles", equalTo(references.stream().map(p -> p.getFileName().toString()).toList()));
        MappingSpec stored = EventJson.mapper().readValue(
                as(tenant).get("/internal/v1/documents/" + id + "/spec").then().statusCode(200).extract().asByteArray(),
                MappingSpec.class);
        assertThat(stored.rows()).isEqualTo(inProcess.rows());
        assertThat(stored.referenceTables()).isEqualTo(inProcess.referenceTables());
        assertThat(stored.diagnostics()).isEqualTo(inProcess.diagnostics());
        assertThat(stored.referenceTables()).hasSizeGreaterThanOrEqualTo(references.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle-shop", "sdtm-oak-cm", "solar-logistics"})
    void shouldMakeACasesSourcesTheTablesAndItsExpectedFilesTheExpectedTargets(String name) throws Exception {
        // Given
        Path dir = caseDir(name);
        String tenant = tenant("eval");

        // When / Then
        as(tenant).multiPart("file", name + ".zip", zipSourcesAndExpected(dir), "application/zip")
                .post("/internal/v1/datasources/upload").then().statusCode(201)
                .body("schema.tables.name", equalTo(tableNames(files(dir.resolve("sources")))))
                .body("expectedTargets", equalTo(tableNames(files(dir.resolve("expected")))));
    }
}
