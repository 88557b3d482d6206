package io.aide.document.rest;

import io.aide.document.DocumentEvents;
import io.aide.document.InMemoryMessaging;
import io.aide.events.v1.DocumentUploaded;
import io.aide.events.v1.MappingParsed;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static io.aide.document.TestDocuments.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Header overrides per sheet, by header text: a reparse reads a field from another column of one sheet only. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class HeaderOverridesTest {
    private static final String[] HEADER = {"Target Table", "Target Column", "Source Table", "Source Column", "Rule",
            "Notes"};

    @Inject
    @org.eclipse.microprofile.reactive.messaging.spi.Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private DocumentEvents events;

    @BeforeEach
    void clearEvents() {
        events = new DocumentEvents(connector);
        events.clear();
    }

    @Test
    void shouldReparseOneSheetWithItsOwnHeaderOverrideAsANewVersion() throws Exception {
        // Given: two sheets with the same headers; on Orders the rule was written under "Notes"
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant);
        events.clear();

        // When
        as(tenant).contentType(ContentType.JSON).body("{\"headerOverrides\": {\"Orders:transformation\": \"Notes\"}}")
                .post("/internal/v1/documents/" + id + "/reparse").then().statusCode(202);
        events.deliver(events.await(DocumentUploaded.TYPE, id));
        MappingParsed parsed = events.await(MappingParsed.TYPE, id).payloadAs(MappingParsed.class);

        // Then: version 2 reads Orders' rule from Notes, Customers' still from Rule; version 1 is unchanged
        assertThat(parsed.specVersion()).isEqualTo(2);
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("headerOverrides.'Orders:transformation'", equalTo("Notes"))
                .body("headerMapping.Orders.transformation", equalTo("Notes"))
                .body("headerMapping.Customers.transformation", equalTo("Rule"));
        as(tenant).get("/internal/v1/documents/" + id + "/spec").then().statusCode(200)
                .body("rows.find { it.targetColumn == 'amount' }.transformation", equalTo("amount / 100"))
                .body("rows.find { it.targetColumn == 'name' }.transformation", equalTo("trim(name)"));
        as(tenant).get("/internal/v1/documents/" + id + "/spec?version=1").then().statusCode(200)
                .body("rows.find { it.targetColumn == 'amount' }.transformation", equalTo("old rule"));
        as(tenant).get("/internal/v1/documents/" + id + "/versions").then()
                .body("reason", equalTo(List.of("parsed", "reparsed")));
    }

    @Test
    void shouldRefuseAnOverrideForASheetTheDocumentDoesNotHaveAndKeepTheParsedVersion() throws Exception {
        // Given
        String tenant = tenant("acme");
        String id = uploadAndParse(tenant);

        // When / Then: the sheet is named with the ones that exist, and nothing is reparsed
        as(tenant).contentType(ContentType.JSON).body("{\"headerOverrides\": {\"Ordres:transformation\": \"Notes\"}}")
                .post("/internal/v1/documents/" + id + "/reparse").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_header_overrides"))
                .body("detail", allOf(containsString("'Ordres'"), containsString("Customers, Orders")));
        as(tenant).contentType(ContentType.JSON).body("{\"headerOverrides\": {\"Orders:colour\": \"Notes\"}}")
                .post("/internal/v1/documents/" + id + "/reparse").then().statusCode(400)
                .body("code", equalTo("invalid_header_overrides"))
                .body("detail", allOf(containsString("Orders:colour"), containsString("of sheet 'Orders'")));
        as(tenant).get("/internal/v1/documents/" + id).then().statusCode(200)
                .body("status", equalTo("parsed")).body("specVersion", equalTo(1));
    }

    private String uploadAndParse(String tenant) throws Exception {
        String id = upload(tenant, "two-sheets.xlsx", workbook()).then().statusCode(202).extract().path("documentId");
        events.deliver(events.await(DocumentUploaded.TYPE, id));
        events.await(MappingParsed.TYPE, id);
        return id;
    }

    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            write(workbook.createSheet("Customers"), new String[][]{HEADER,
                    {"dim_customer", "name", "crm", "name", "trim(name)", "checked by ops"}});
            write(workbook.createSheet("Orders"), new String[][]{HEADER,
                    {"fact_orders", "amount", "erp", "amount", "old rule", "amount / 100"}});
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Sheet sheet, String[][] cells) {
        for (int r = 0; r < cells.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < cells[r].length; c++) {
                row.createCell(c).setCellValue(cells[r][c]);
            }
        }
    }
}
