package io.aide.parser;

import io.aide.events.spec.MappingField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderMatcherTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Target Table|target_table", "TGT_TABLE_NAME|target_table", "Target Entity|target_table",
            "Destination Table|target_table", "target_sdtm_domain|target_table", "TargetTable|target_table",
            "Target Column|target_column", "Target Field Name|target_column", "Tgt Attribute|target_column",
            "Target Colum|target_column", "target_sdtm_variable|target_column", "Column Name|target_column",
            "Target Data Type|target_type", "Data Type|target_type", "DataType|target_type", "Type|target_type",
            "Source System|source_system", "Src Sys|source_system", "Application|source_system",
            "Source Table|source_table", "Source Entity|source_table", "Origin Table|source_table", "Origin Column|source_column", "Source File|source_table",
            "raw_dataset|source_table", "Source Column(s)|source_column", "Source Field|source_column",
            "Src Attribute|source_column", "Source|source_column", "raw_variable|source_column",
            "Transformation Rule|transformation", "Business Rule|transformation", "Logic|transformation",
            "Mapping Rule|transformation", "Derivation|transformation", "Transformation Logic|transformation",
            "Transfromation|transformation", "Join Condition|join", "Lookup|join", "Joins|join",
            "Filter|filter", "Where Clause|filter", "Filter Condition|filter", "Row Filter|filter", "Record Filter|filter",
            "Source Filter|filter", "Key|key", "PK|key",
            "Primary Key|key", "Is PK?|key", "Nullable|nullable", "Nullable (Y/N)|nullable", "Mandatory|nullable",
            "Required|nullable", "Null Allowed|nullable", "Not Null|nullable", "Default Value|default_value",
            "Default|default_value", "Null Handling|null_handling", "Null Handling / Notes|null_handling",
            "Default / Null Rule|null_handling", "If Missing|null_handling", "Null Rule|null_handling", "Null Logic|null_handling", "Null Handling Rule|null_handling", "When Null|null_handling", "If Blank|null_handling", "Null / Default|null_handling", "Default or Null Handling|null_handling", "Default Rule|null_handling", "Null Default|null_handling",
            "Description|description", "Business Definition|description", "Comments|comments", "Notes|comments",
            "Remarks|comments", "Group By|group_by", "groupby_keys|group_by", "PK/FK|key", "Key Type|key",
            "Null?|nullable", "Is Nullable|nullable", "Source File Name|source_table", "Source Field(s)|source_column",
            "Attribute Name|target_column", "Entity Name|target_table", "Source Data Type|source_type",
            "Field Description|description", "Lookup Table|join", "Business Logic|transformation",
            "Data Type & Length|target_type", "Type/Length|target_type", "Data Type (Size)|target_type",
            // of two readings as good, the one the head noun names
            "Source System Table|source_table", "Source System Column|source_column"})
    void shouldRecognizeHeaderVariant(String header, String field) {
        // Given
        String[] headers = {header};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.fromKey(field), 0);
    }

    @Test
    void shouldPreferTheExactHeaderOverOneWithExtraWords() {
        // Given
        String[] headers = {"target_sdtm_variable_role", "target_sdtm_variable", "raw_variable_label", "raw_variable",
                "condition_operator", "condition_left_raw_dataset", "raw_dataset"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TARGET_COLUMN, 1)
                .containsEntry(MappingField.SOURCE_COLUMN, 3).containsEntry(MappingField.SOURCE_TABLE, 6)
                .doesNotContainKey(MappingField.FILTER);
    }

    @Test
    void shouldReadACommonWarehouseTemplate() {
        // Given
        String[] headers = {"Source System", "Source Schema", "Source Table", "Source Column", "Source Data Type",
                "Transformation Logic", "Target Schema", "Target Table", "Target Column", "Target Data Type",
                "Load Type", "SCD Type", "Comments"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.SOURCE_SYSTEM, 0)
                .containsEntry(MappingField.SOURCE_TABLE, 2).containsEntry(MappingField.SOURCE_COLUMN, 3)
                .containsEntry(MappingField.SOURCE_TYPE, 4).containsEntry(MappingField.TRANSFORMATION, 5)
                .containsEntry(MappingField.TARGET_TABLE, 7).containsEntry(MappingField.TARGET_COLUMN, 8)
                .containsEntry(MappingField.TARGET_TYPE, 9).containsEntry(MappingField.COMMENTS, 12)
                .doesNotContainValue(10).doesNotContainValue(11);
    }

    @Test
    void shouldReadHeadersAbbreviatedToTheirConsonants() {
        // Given
        String[] headers = {"TARGET_TBL", "TARGET_FLD", "FLD_TYPE", "PK", "SRC_TBL", "SRC_FLD", "BUSINESS_LOGIC",
                "DFLT_IF_NULL", "CMNTS"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TARGET_TABLE, 0).containsEntry(MappingField.TARGET_COLUMN, 1)
                .containsEntry(MappingField.TARGET_TYPE, 2).containsEntry(MappingField.KEY, 3)
                .containsEntry(MappingField.SOURCE_TABLE, 4).containsEntry(MappingField.SOURCE_COLUMN, 5)
                .containsEntry(MappingField.TRANSFORMATION, 6).containsEntry(MappingField.COMMENTS, 8);
        assertThat(match.isMapping()).isTrue();
    }

    @Test
    void shouldNotReadAWordCutShortOrAnAbbreviationOfTwoMeaningsAsAField() {
        // "Form" (an SDTM spec's CRF form) is no cut of "formula"; "frm" may be from or formula
        assertThat(HeaderMatcher.concepts("form")).isEmpty();
        assertThat(HeaderMatcher.concepts("frm")).isEmpty();
        assertThat(HeaderMatcher.concepts("fld")).containsExactly(HeaderMatcher.Concept.COLUMN);
    }

    @Test
    void shouldNotTakeUnrelatedHeadersForMappingFields() {
        // Given
        String[] headers = {"Version", "Date", "Author", "Change", "Owner", "Status"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).isEmpty();
        assertThat(match.isMapping()).isFalse();
    }

    @Test
    void shouldApplyOverridesBeforeFuzzyMatching() {
        // Given
        String[] headers = {"Attribut", "Quelle", "Target Column"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers,
                Map.of(MappingField.TARGET_COLUMN, "attribut", MappingField.SOURCE_COLUMN, "Quelle"));

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TARGET_COLUMN, 0)
                .containsEntry(MappingField.SOURCE_COLUMN, 1);
        assertThat(match.isMapping()).isTrue();
    }

    @Test
    void shouldInvertNullableForMandatoryHeaders() {
        // Given / When / Then
        assertThat(HeaderMatcher.isInvertedNullable("Mandatory (Y/N)")).isTrue();
        assertThat(HeaderMatcher.isInvertedNullable("Not Null")).isTrue();
        assertThat(HeaderMatcher.isInvertedNullable("Nullable")).isFalse();
    }

    @Test
    void shouldReadAStarSchemaTemplateWithFeedsAndMappingNotes() {
        // Given: tables called by their kind, the interface a column arrives on, notes that say how it is mapped
        String[] headers = {"Dimension/Fact", "Attribute", "Format", "Key", "Feed", "Feed Field", "Mapping Notes", "Exceptions"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TARGET_TABLE, 0).containsEntry(MappingField.TARGET_COLUMN, 1)
                .containsEntry(MappingField.TARGET_TYPE, 2).containsEntry(MappingField.KEY, 3)
                .containsEntry(MappingField.SOURCE_TABLE, 4).containsEntry(MappingField.SOURCE_COLUMN, 5)
                .containsEntry(MappingField.TRANSFORMATION, 6).containsEntry(MappingField.NULL_HANDLING, 7);
    }

    @Test
    void shouldKeepPlainNotesARemarkBesideARuleColumn() {
        // Given
        String[] headers = {"Target Table", "Target Column", "Source Column", "Mapping Notes", "Transformation"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TRANSFORMATION, 4).doesNotContainEntry(MappingField.TRANSFORMATION, 3);
    }

    @Test
    void shouldReadTheStagingCopyAsTheSource() {
        // Given
        String[] headers = {"DW Table", "DW Column", "Data Type", "Key", "Staging Table", "Staging Column", "ETL Rule", "Notes"};

        // When
        HeaderMatcher.Match match = HeaderMatcher.match(headers, Map.of());

        // Then
        assertThat(match.columns()).containsEntry(MappingField.TARGET_TABLE, 0).containsEntry(MappingField.TARGET_COLUMN, 1)
                .containsEntry(MappingField.SOURCE_TABLE, 4).containsEntry(MappingField.SOURCE_COLUMN, 5)
                .containsEntry(MappingField.TRANSFORMATION, 6);
    }
}
