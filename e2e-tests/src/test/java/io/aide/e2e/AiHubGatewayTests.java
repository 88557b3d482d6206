package io.aide.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
    }
}
