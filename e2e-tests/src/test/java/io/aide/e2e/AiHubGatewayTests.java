package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the AI-hub tests through the gateway share: alice's token (tenant acme, engineer) before the class, and acme's
 * model removed after it (each test points acme at the scripted model it needs, {@link AiHubStack#useModel}).
 * JUnit runs these before a subclass's own {@code @BeforeAll} and after its {@code @AfterAll}.
 */
abstract class AiHubGatewayTests {
    static String alice;

    @BeforeAll
    static void signInAlice() {
        alice = AiHubStack.alice();
    }

    @AfterAll
    static void removeAcmesModel() {
        AiHubStack.removeModel();
    }

    /** ... on acme's jaffle-shop data source (registered once for the suite). */
    abstract static class OnJaffleShop extends AiHubGatewayTests {
        static String dataSourceId;

        @BeforeAll
        static void jaffleShop() {
            dataSourceId = AiHubStack.jaffleShop();
        }

        /** A query result of (status, count) rows as a map. */
        static Map<String, Long> rowsByStatus(JsonNode result) {
            Map<String, Long> out = new TreeMap<>();
            result.path("rows").forEach(r -> out.put(r.path(0).asText(), r.path(1).asLong()));
            return out;
        }

        /** The jaffle-shop sample's orders counted by status (its fourth column), as the charts should show them. */
        static Map<String, Long> ordersByStatus() {
            return AiHubStack.csvRows("raw_orders").stream()
                    .collect(Collectors.groupingBy(r -> r[3], TreeMap::new, Collectors.counting()));
        }
    }
}
