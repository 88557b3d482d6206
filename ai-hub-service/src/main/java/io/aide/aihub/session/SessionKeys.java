package io.aide.aihub.session;

import java.util.List;

/**
 * The Redis keys of one modeler session: one per tenant, data source and user, so a user has one active draft per
 * data source and no key is shared across tenants.
 */
public record SessionKeys(String tenantId, String dataSourceId, String userId) {
    static final String PREFIX = "aide:ai:session:";

    public String metadata() {
        return key("metadata");
    }

    public String messages() {
        return key("messages");
    }

    public String modelDraft() {
        return key("model-draft");
    }

    public String schema() {
        return key("schema");
    }

    public List<String> all() {
        return List.of(metadata(), messages(), modelDraft(), schema());
    }

    private String key(String kind) {
        return PREFIX + kind + ":" + tenantId + ":" + dataSourceId + ":" + userId;
    }
}
