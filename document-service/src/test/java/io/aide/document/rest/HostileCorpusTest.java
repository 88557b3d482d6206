package io.aide.document.rest;

import io.aide.document.InMemoryMessaging;
import io.aide.document.client.ObjectStore;
import io.aide.document.messaging.DocumentEventsConsumer;
import io.aide.document.messaging.DocumentEventsPublisher;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParsed;
import io.aide.parser.corpus.HostileCorpus;
import io.aide.parser.corpus.HostileFile;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.aide.document.TestDocuments.MAPPING_CSV;
import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.envelope;
import static io.aide.document.TestDocuments.tenant;
import static io.aide.document.TestDocuments.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class HostileCorpusTest {

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    private static Path corpusDir;

    @BeforeAll
    static void writeCorpusDir() throws Exception {
        corpusDir = Files.createTempDirectory("aide-hostile-");
    }

    @AfterAll
    static void removeCorpus() throws Exception {
        try (var walk = Files.walk(corpusDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Envelope awaitEvent(InMemorySink<String> sink, String type, String documentId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> sink.received().stream()
                .map(m -> envelope(m.getPayload()))
                .filter(e -> e.type().equals(type) && e.key().equals(documentId))
                .findFirst().orElse(null), e -> e != null);
    }

    private String uploadAndParse(InMemorySink<String> events, String tenant, String fileName, byte[] content) {
        String id = upload(tenant, fileName, content).then().statusCode(202).extract().path("documentId");
        Envelope uploaded = awaitEvent(events, DocumentUploaded.TYPE, id);
        connector.source(DocumentEventsConsumer.CHANNEL).send(Message.of(EventJson.toJson(uploaded)));
        awaitEvent(events, MappingParsed.TYPE, id);
        return id;
    }

    @Test
    void shouldRefuseEveryHostileFileWithItsCodeAndKeepWhatWasStoredBefore() throws Exception {
        // Given
        InMemorySink<String> events = connector.sink(DocumentEventsPublisher.CHANNEL);
        String tenant = tenant("acme");
        String earlier = uploadAndParse(events, tenant, "earlier.csv", MAPPING_CSV.getBytes());
        List<String> keysBefore = store.keys("tenants/" + tenant + "/");
        List<HostileFile> corpus = HostileCorpus.writeAll(corpusDir);

        // When
        List<String> outcomes = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (HostileFile file : corpus) {
            Response response = upload(tenant, file.name(), Files.readAllBytes(file.path()));
            String code = response.getContentType().startsWith("application/problem+json")
                    ? response.path("code") : null;
            outcomes.add(file.name() + " -> " + response.statusCode() + " " + code);
            if (file.mustParse() && response.statusCode() == 202) {
                accepted.add(response.path("documentId"));
            }
            if (!file.mustParse()) {
                assertThat(response.<String>path("detail")).as(file.name()).contains(file.name());
            }
        }

        // Then
        List<String> expected = corpus.stream()
                .map(f -> f.name() + " -> " + (f.mustParse() ? 202 : f.expectedStatus()) + " " + f.expectedCode())
                .toList();
        assertThat(outcomes).containsExactlyElementsOf(expected);
        given().get("/q/health/live").then().statusCode(200);
        as(tenant).get("/internal/v1/documents/" + earlier).then().statusCode(200)
                .body("status", equalTo("parsed")).body("rowsFound", equalTo(4)).body("specVersion", equalTo(1));
        as(tenant).get("/internal/v1/documents/" + earlier + "/rows").then().statusCode(200)
                .body("rowsFound", equalTo(4));
        List<String> documents = as(tenant).get("/internal/v1/documents").then().extract().path("documentId");
        List<String> stored = new ArrayList<>(accepted);
        stored.add(earlier);
        assertThat(documents).containsExactlyInAnyOrderElementsOf(stored);
        List<String> keysAfter = store.keys("tenants/" + tenant + "/");
        assertThat(keysAfter).containsAll(keysBefore);
        assertThat(keysAfter.stream().filter(k -> !keysBefore.contains(k)))
                .allSatisfy(k -> assertThat(accepted).anySatisfy(id -> assertThat(k).contains(id)));
    }

    @Test
    void shouldParseFormulaCellsAsTextAndNeverEmitThemUnescaped() throws Exception {
        // Given
        InMemorySink<String> events = connector.sink(DocumentEventsPublisher.CHANNEL);
        String tenant = tenant("acme");
        HostileFile injection = HostileCorpus.writeAll(corpusDir).stream()
                .filter(f -> f.name().equals("csv-injection.csv")).findFirst().orElseThrow();
        String id = uploadAndParse(events, tenant, injection.name(), Files.readAllBytes(injection.path()));

        // When
        String markdown = as(tenant).get("/internal/v1/documents/" + id + "/dictionary?format=md").then()
                .statusCode(200).extract().asString();
        String html = as(tenant).get("/internal/v1/documents/" + id + "/dictionary?format=html").then()
                .statusCode(200).extract().asString();

        // Then
        as(tenant).get("/internal/v1/documents/" + id + "/rows").then()
                .body("rows.find { it.targetColumn == 'customer_id' }.transformation", equalTo("=cmd|' /C calc'!A0"));
        assertThat(markdown).doesNotContain("| =cmd").doesNotContain("|=cmd");
        assertThat(html).doesNotContain(">=cmd");
    }
}
