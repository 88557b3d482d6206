package io.aide.gateway.client;

import io.aide.gateway.config.GatewayConfig;

/** The internal services the gateway fronts, with their base URLs. */
public enum Downstream {
    DOCUMENT("document-service"),
    SQLGEN("sqlgen-service"),
    VALIDATOR("validator-service"),
    AIHUB("ai-hub-service");

    private final String serviceName;

    Downstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public String baseUrl(GatewayConfig config) {
        String url = switch (this) {
            case DOCUMENT -> config.documentUrl();
            case SQLGEN -> config.sqlgenUrl();
            case VALIDATOR -> config.validatorUrl();
            case AIHUB -> config.aihubUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
