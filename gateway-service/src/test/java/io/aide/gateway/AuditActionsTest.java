package io.aide.gateway;

import io.aide.gateway.audit.AuditActions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditActionsTest {

    @Test
    void shouldNameEachAuditedRequestByResourceAndVerb() {
        // When / Then
        assertThat(AuditActions.classify("POST", "/api/v1/session", 200)).isEqualTo("session.login");
        assertThat(AuditActions.classify("POST", "/api/v1/session/refresh", 200)).isEqualTo("session.refresh");
        assertThat(AuditActions.classify("GET", "/api/v1/session/callback", 303)).isEqualTo("session.login");
        assertThat(AuditActions.classify("DELETE", "/api/v1/session", 204)).isEqualTo("session.logout");
        assertThat(AuditActions.classify("GET", "/api/v1/session/login", 303)).isNull();
        assertThat(AuditActions.classify("POST", "/api/v1/documents", 202)).isEqualTo("document.upload");
        assertThat(AuditActions.classify("PATCH", "/api/v1/documents/d1/rows/r1", 200)).isEqualTo("document.edit");
        assertThat(AuditActions.classify("POST", "/api/v1/documents/d1/reparse", 202)).isEqualTo("document.reparse");
        assertThat(AuditActions.classify("POST", "/api/v1/generations", 202)).isEqualTo("generation.request");
        assertThat(AuditActions.classify("POST", "/api/v1/generations/g1/blocks/t/b", 202))
                .isEqualTo("generation.block_edit");
        assertThat(AuditActions.classify("DELETE", "/api/v1/generations/g1", 202)).isEqualTo("generation.cancel");
        assertThat(AuditActions.classify("GET", "/api/v1/generations/g1/artifacts/duckdb", 200))
                .isEqualTo("generation.download");
        assertThat(AuditActions.classify("POST", "/api/v1/admin/api-keys", 201)).isEqualTo("api_key.create");
        assertThat(AuditActions.classify("DELETE", "/api/v1/admin/api-keys/k1", 200)).isEqualTo("api_key.revoke");
        assertThat(AuditActions.classify("GET", "/api/v1/admin/audit/export", 200)).isEqualTo("audit.export");
        assertThat(AuditActions.classify("PUT", "/api/v1/ai/models/settings", 200)).isEqualTo("ai.change");
    }

    @Test
    void shouldRecordReadsOnlyWhenRefusedAndNeverTakeAnActionNameFromTheCaller() {
        // When / Then
        assertThat(AuditActions.classify("GET", "/api/v1/documents/d1", 200)).isNull();
        assertThat(AuditActions.classify("GET", "/api/v1/documents/d1", 404)).isEqualTo("document.read");
        assertThat(AuditActions.classify("GET", "/api/v1/generations/g1/events", 403)).isEqualTo("generation.read");
        assertThat(AuditActions.classify("GET", "/api/v1/whatever-i-like", 404)).isEqualTo("api.read");
        assertThat(AuditActions.classify("POST", "/api/v1/drop-table", 404)).isEqualTo("api.create");
        assertThat(AuditActions.classify("GET", "/q/health", 200)).isNull();
        assertThat(AuditActions.outcome(201)).isEqualTo("ok");
        assertThat(AuditActions.outcome(403)).isEqualTo("refused");
        assertThat(AuditActions.outcome(422)).isEqualTo("failed");
    }
}
