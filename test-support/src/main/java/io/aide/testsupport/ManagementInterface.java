package io.aide.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The loopback management interface of the service under {@code @QuarkusTest} (metrics, internal OpenAPI). Its
 * test port is random ({@code quarkus.management.test-port=0}); Quarkus publishes the bound port under the same key.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://127.0.0.1:" + port + path;
    }
}
