package io.aide.document;

import io.aide.testsupport.InternalCalls;
import io.aide.events.Envelope;
import io.aide.events.EventJson;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as the gateway sends them, and mapping documents the tests create. */
public final class TestDocuments {
    public static final String MAPPING_CSV = """
            Target Table,Target Column,Target Data Type,Source Table,Source Column,Transformation Rule
            dim_customer,customer_id,INT,Customer,CustomerID,
            dim_customer,full_name,VARCHAR(100),Customer,"FirstName, LastName","CONCAT(FirstName, ' ', LastName)"
            fact_orders,order_id,INT,Orders,OrderID,
            fact_orders,order_total,"DECIMAL(12,2)",Orders,Total,"ROUND(Total * 1.2, 2)"
            """;

    private TestDocuments() {
    }

    /** A tenant of its own per test run: the test environment's database outlives the test. */
    public static String tenant(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Response upload(String tenant, String fileName, byte[] content) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "alice"))
                .multiPart("file", fileName, content, "application/octet-stream")
                .when().post("/internal/v1/documents");
    }

    public static Response upload(String tenant, String fileName, String content) {
        return upload(tenant, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public static io.restassured.specification.RequestSpecification as(String tenant) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "alice"));
    }

    public static Envelope envelope(String json) {
        return EventJson.envelope(json.getBytes(StandardCharsets.UTF_8));
    }
}
