package io.aide.gateway.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeGuardTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/documents/doc%00x, invalid_path",
            "/api/v1/documents/doc%00x/rows, invalid_path",
            "/api/v1/session/%00, invalid_path",
            "/api/v1/session/../x, invalid_path",
            "/api/v1/documents/%2e%2e/x, invalid_path",
            "/api/v1/documents/%zz, invalid_path",
            "/api/v1/documents/abc%, invalid_path",
            "/api/v1/documents/doc%20with%20spaces, invalid_id",
            "/api/v1/generations/-gen, invalid_id",
            "/api/v1/datasources/x%27%20OR%201=1, invalid_id",
    })
    void shouldRefuseWhatNoRouteShouldSee(String path, String code) {
        // When
        EdgeGuard.Refusal refusal = EdgeGuard.check(path, path);

        // Then
        assertThat(refusal).as(path).isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.detail()).doesNotContain("\u0000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/v1/documents/doc_4fe62990992b41749539990d3dd8f011",
            "/api/v1/documents/doc_1/rows/Mapping%3A12",
            "/api/v1/documents/doc_1/versions/1/diff/2",
            "/api/v1/generations/gen_1764754823000_abc123/events",
            "/api/v1/datasources/upload",
            "/api/v1/documents",
            "/api/v1/session",
            "/documents/doc_42",
            "/assets/index-4f3a.js",
    })
    void shouldLetEveryRealPathThrough(String path) {
        // When / Then
        assertThat(EdgeGuard.check(path, path)).isNull();
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAnOverLongUriWith414AndATooLongIdWith400() {
        // Given
        String longQuery = "/api/v1/documents?x=" + "a".repeat(EdgeGuard.MAX_URI);
        String longId = "/api/v1/documents/" + "d".repeat(101);

        // When / Then
        assertThat(EdgeGuard.check(longQuery, "/api/v1/documents").status()).isEqualTo(414);
        assertThat(EdgeGuard.check(longId, longId).code()).isEqualTo("invalid_id");
    }
}
