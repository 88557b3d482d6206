package io.aide.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway. Quarkus' HTTP root handler answers a URI that {@code java.net.URI} cannot parse (a malformed
 * {@code %} escape) with an empty 400 before any route or filter runs; with that check off, {@code rest/EdgeGuard}
 * refuses such requests itself with a 400 problem+json ({@code invalid_path}), like every other bad path.
 */
@QuarkusMain
public class GatewayMain {
    static final String URI_VALIDATION = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION, "true");
        Quarkus.run(args);
    }

    private GatewayMain() {
    }
}
