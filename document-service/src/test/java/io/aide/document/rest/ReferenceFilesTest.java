package io.aide.document.rest;

import io.aide.document.DocumentEvents;
import io.aide.document.InMemoryMessaging;
import io.aide.document.client.ObjectStore;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParsed;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.aide.document.TestDocuments.MAPPING_CSV;
import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Reference files (dictionaries, lookups, config) sent with a mapping document, as `./aide eval` passes them. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class ReferenceFilesTest {
    private static final byte[] CODES = "code;name\nFR;France\nDE;Germany\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONFIG = "cleaning:\n  shipment_mode_map:\n    Air: AIR\n    Truck: TRUCK\n"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    private DocumentEvents events;

    @BeforeEach
    void clearEvents() {
        events = new DocumentEvents(connector);
        events.clear();
    }

    private static RequestSpecification mapping(String tenant) {
        return as(tenant).multiPart("file", "customers.csv", MAPPING_CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private void parse(String documentId) {
        events.deliver(events.await(DocumentUploaded.TYPE, documentId));
        events.await(MappingParsed.TYPE, documentId);
    }

    private static byte[] dictionaryWorkbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("raw_data_dictionary");
            String[][] cells = {{"original_column", "inferred_type", "target_model_column", "transformation_rule"},
                    {"PO / SO #", "text", "po_so_number", "Copied unchanged."}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void shouldStoreReferenceFilesAndParseTheMappingWithThem() throws Exception {
        // Given
        String tenant = tenant("acme");

        // When
        String id = mapping(tenant)
                .multiPart("reference", "country_codes.csv", CODES, "text/csv")
                .multiPart("reference", "project_config.yaml", CONFIG, "application/yaml")
                .multiPart("reference", "data_dictionary.xlsx", dictionaryWorkbook(), "application/octet-stream")
                .post("/internal/v1/documents").then().statusCode(202)
                .body("referenceFiles", equalTo(List.of("country_codes.csv", "project_config.yaml",
                        "data_dictionary.xlsx")))
                .extract().path("documentId");
        parse(id);

        // Then
        String prefix = "tenants/" + tenant + "/documents/" + id + "/reference/";
        assertThat(store.keys(prefix)).containsExactlyInAnyOrder(prefix + "country_codes.csv",
                prefix + "project_config.yaml", prefix + "data_dictionary.xlsx");
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed"))
                .body("rowsFound", equalTo(4))
                .body("referenceFiles", hasItems("country_codes.csv", "project_config.yaml", "data_dictionary.xlsx"))
                .body("diagnostics.code", not(hasItem("reference_file_unreadable")));
        as(tenant).get("/internal/v1/documents/" + id + "/spec").then().statusCode(200)
                .body("rows", hasSize(4))
                .body("referenceTables.name", hasItems("country_codes", "cleaning.shipment_mode_map",
                        "raw_data_dictionary"))
                .body("referenceTables.find { it.name == 'country_codes' }.rows", equalTo(List.of(
                        List.of("FR", "France"), List.of("DE", "Germany"))))
                .body("referenceTables.find { it.name == 'raw_data_dictionary' }.columns",
                        hasItem("target_model_column"));
    }

    @Test
    void shouldReuseTheStoredReferenceFilesOnAReparse() {
        // Given
        String tenant = tenant("acme");
        String id = mapping(tenant).multiPart("reference", "country_codes.csv", CODES, "text/csv")
                .post("/internal/v1/documents").then().statusCode(202).extract().path("documentId");
        parse(id);
        events.clear();

        // When
        as(tenant).contentType(ContentType.JSON).body("{}")
                .post("/internal/v1/documents/" + id + "/reparse").then().statusCode(202)
                .body("referenceFiles", equalTo(List.of("country_codes.csv")));
        parse(id);

        // Then
        as(tenant).get("/internal/v1/documents/" + id + "/spec?version=2").then().statusCode(200)
                .body("referenceTables.name", hasItem("country_codes"));
    }

    @Test
    void shouldKeepTheDocumentAndNameAReferenceFileTheParserCannotRead() {
        // Given
        String tenant = tenant("acme");
        String id = mapping(tenant)
                .multiPart("reference", "lookup.xlsx", "%PDF-1.4 not a workbook".getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .post("/internal/v1/documents").then().statusCode(202).extract().path("documentId");

        // When
        parse(id);

        // Then
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed"))
                .body("rowsFound", equalTo(4))
                .body("diagnostics.find { it.code == 'reference_file_unreadable' }.severity", equalTo("error"))
                .body("diagnostics.find { it.code == 'reference_file_unreadable' }.message",
                        containsString("lookup.xlsx"));
    }

    @Test
    void shouldReportAReferenceFileThatIsNoLongerStoredAsADiagnostic() {
        // Given
        String tenant = tenant("acme");
        String id = mapping(tenant).multiPart("reference", "country_codes.csv", CODES, "text/csv")
                .post("/internal/v1/documents").then().statusCode(202).extract().path("documentId");
        store.deleteQuietly("tenants/" + tenant + "/documents/" + id + "/reference/country_codes.csv");

        // When
        parse(id);

        // Then
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed"))
                .body("diagnostics.find { it.code == 'reference_file_missing' }.message",
                        containsString("country_codes.csv"));
    }

    @Test
    void shouldRefuseAReferenceFileOfAnUnreadableFormatAndStoreNothing() {
        // Given
        String tenant = tenant("acme");

        // When / Then
        mapping(tenant).multiPart("reference", "country_codes.csv", CODES, "text/csv")
                .multiPart("reference", "notes.docx", new byte[]{1, 2, 3}, "application/octet-stream")
                .post("/internal/v1/documents").then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_reference_file:unsupported_format"))
                .body("detail", containsString("notes.docx"));
        as(tenant).get("/internal/v1/documents").then().statusCode(200).body("", hasSize(0));
        assertThat(store.keys("tenants/" + tenant + "/")).isEmpty();
    }

    @Test
    void shouldNotTouchTheStoredFilesOfADocumentWhenAnUploadReusesItsId() {
        // Given
        String tenant = tenant("acme");
        String documentId = "doc-" + tenant;
        mapping(tenant).multiPart("documentId", documentId).multiPart("reference", "country_codes.csv", CODES, "text/csv")
                .post("/internal/v1/documents").then().statusCode(202);

        // When
        mapping(tenant).multiPart("documentId", documentId)
                .multiPart("reference", "country_codes.csv", "code\nXX\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/internal/v1/documents").then().statusCode(409)
                .body("code", equalTo("document_exists"));

        // Then
        assertThat(store.read("tenants/" + tenant + "/documents/" + documentId + "/reference/country_codes.csv"))
                .isEqualTo(CODES);
        as(tenant).get("/internal/v1/documents/" + documentId).then().statusCode(200)
                .body("referenceFiles", equalTo(List.of("country_codes.csv")));
    }
}
