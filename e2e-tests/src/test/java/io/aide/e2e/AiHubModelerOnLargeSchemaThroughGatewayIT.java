package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.testsupport.ScriptedModelServer.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.aide.testsupport.ScriptedModelServer.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modeler's chat on a registered database of 600 tables: the model gets the whole schema's summary, the tables the
 * question needs in full (picked by embeddings, and the tables they reference) and the others by name only, so the
 * prompt fits a model's window instead of carrying every table.
 */
class AiHubModelerOnLargeSchemaThroughGatewayIT extends AiHubGatewayTests {
    private static final String DATABASE = "e2e_large_schema";
    private static final List<String> AREAS = List.of("hr", "payroll", "marketing", "inventory", "procurement",
            "finance", "legal", "facilities", "it", "support", "training", "compliance", "audit", "research",
            "quality", "security", "catering", "events", "sales", "treasury");
    private static final List<String> KINDS = List.of("employee", "budget", "contract", "invoice", "ticket", "asset",
            "vendor", "policy", "report", "request", "schedule", "review", "license", "incident", "survey",
            "campaign", "ledger", "purchase", "item", "location", "project", "task", "team", "document", "payment",
            "account", "note", "plan", "log", "record");
    private static String dataSourceId;

    @BeforeAll
    static void largeDatabase() throws Exception {
        RegisteredShop.recreate(DATABASE);
        try (Connection c = RegisteredShop.connect(DATABASE); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA ops");
            st.execute("CREATE TABLE ops.carrier (carrier_id int PRIMARY KEY, carrier_name text NOT NULL)");
            st.execute("CREATE TABLE ops.shipment (shipment_id int PRIMARY KEY, carrier_id int NOT NULL REFERENCES "
                    + "ops.carrier (carrier_id), promised_on date NOT NULL, delivered_on date, weight_kg numeric(10,2))");
            int made = 2;
            for (String area : AREAS) {
                for (String kind : KINDS) {
                    if (made++ < 600) {
                        st.addBatch("CREATE TABLE ops." + area + "_" + kind + " (" + kind + "_id int PRIMARY KEY, "
                                + "title text, created_on date)");
                    }
                }
            }
            st.executeBatch();
        }
        dataSourceId = RegisteredShop.register(alice, "large schema", DATABASE);
    }

    @AfterAll
    static void closeSession() {
        Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
    }

    @Test
    void shouldGiveTheModelTheTablesTheQuestionNeedsAndTheOthersByNameOnly() {
        // Given: a session on the 600 tables (its analysis needs no model), then a model
        HttpResponse<String> opened = Stack.postJson(alice, "/api/v1/ai/modeler/sessions",
                Map.of("dataSourceId", dataSourceId));
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
        String wholeContext = Stack.json(opened.body()).path("schemaContext").asText();
        String model = AiHubStack.modelName("modeler-large");
        AiHubStack.model().script(model, text("## 1. Structural analysis and integrity check\nshipment references carrier."));
        AiHubStack.useModel(model);

        // When
        HttpResponse<String> answered = Stack.postJson(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId
                + "/messages", Map.of("content", "Which carriers deliver shipments late, comparing the promised and "
                + "the delivered date?"));

        // Then
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode session = Stack.json(answered.body());
        assertThat(session.path("messages").size()).isGreaterThanOrEqualTo(3);
        List<Request> calls = AiHubStack.model().requestsFor(model);
        assertThat(calls).hasSize(1);
        String prompt = calls.get(0).unescaped();
        assertThat(prompt).contains("The schema has 600 tables").contains("| 600 | ")
                .contains("### ops.shipment").contains("### ops.carrier")
                .contains("carrier(carrier_id) 1:N shipment(carrier_id)")
                .doesNotContain("### ops.hr_employee").contains("ops.hr_employee, ");
        assertThat(wholeContext).contains("### ops.hr_employee");
        assertThat(prompt.length()).isLessThan(wholeContext.length() / 3);
    }
}
