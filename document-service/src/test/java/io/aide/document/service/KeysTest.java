package io.aide.document.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {

    @Test
    void shouldKeepRawFilesUnderTheTenantsPrefix() {
        // Given / When
        String key = Keys.raw("acme", "doc_1", "../../globex/documents/x/Mapping v2.xlsx");

        // Then
        assertThat(key).isEqualTo("tenants/acme/documents/doc_1/raw/Mapping v2.xlsx");
        assertThat(Keys.belongsTo(key, "acme")).isTrue();
        assertThat(Keys.belongsTo(key, "globex")).isFalse();
    }

    @Test
    void shouldNotTreatAKeyWithDotDotAsTheTenants() {
        // Given / When / Then
        assertThat(Keys.belongsTo("tenants/acme/../globex/documents/d/raw/f.csv", "acme")).isFalse();
    }

    @Test
    void shouldNameSpecVersions() {
        // Given / When / Then
        assertThat(Keys.spec("acme", "doc_1", 3)).isEqualTo("tenants/acme/documents/doc_1/spec/v3.json");
    }

    @Test
    void shouldKeepReferenceFilesNextToTheRawFileUnderTheirOwnName() {
        // Given / When
        String key = Keys.reference("acme", "doc_1", "../raw/data dictionary.xlsx");

        // Then
        assertThat(key).isEqualTo("tenants/acme/documents/doc_1/reference/data dictionary.xlsx");
        assertThat(Keys.belongsTo(key, "acme")).isTrue();
    }

    @Test
    void shouldKeepSampleTablesAndExpectedRowsInTheFoldersTheValidatorReads() {
        // Given / When
        String sample = Keys.sampleFile("acme", "ds_1", "jaffle-shop/sources/raw_orders.csv");
        String expected = Keys.expectedFile("acme", "ds_1", "../../files/orders.csv");

        // Then
        assertThat(sample).isEqualTo("tenants/acme/datasources/ds_1/files/raw_orders.csv");
        assertThat(expected).isEqualTo("tenants/acme/datasources/ds_1/expected/orders.csv");
    }
}
