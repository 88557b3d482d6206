package io.aide.sqlgen.persistence;

import java.util.Objects;

/**
 * What names a generation: its tenant and the id the client chose. Ids are scoped per tenant, so the same id in two
 * tenants is two generations, and every read and write of a generation's rows names both.
 */
public record GenerationKey(String tenant, String id) {
    public GenerationKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return tenant + "/" + id;
    }
}
