package io.aide.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowPatchTest {
    private static final MappingRow ROW = new MappingRow(null, "Mappings", 7, "dim_customer", "full_name", "varchar(80)",
            "CRM", "Customer", List.of(new SourceRef(null, "Customer", "FirstName")), "Customer.FirstName", "TRIM(FirstName)",
            null, null, false, true, null, null, "Customer name", Map.of("Owner", "ana"));

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    @Test
    void shouldChangeOnlyTheFieldsTheEditNames() throws Exception {
        // Given
        JsonNode patch = json("{\"transformation\": \"UPPER(TRIM(FirstName))\", \"nullable\": false}");

        // When
        MappingRow edited = RowPatch.apply(ROW, patch);

        // Then
        assertThat(edited.transformation()).isEqualTo("UPPER(TRIM(FirstName))");
        assertThat(edited.nullable()).isFalse();
        assertThat(edited.ref()).isEqualTo("@mapping[Mappings:7]");
        assertThat(edited.targetColumn()).isEqualTo("full_name");
        assertThat(edited.attributes()).containsEntry("Owner", "ana");
    }

    @Test
    void shouldSplitSeveralSourceColumnsWrittenInOneString() throws Exception {
        // Given
        JsonNode patch = json("{\"sourceColumns\": \"Customer.FirstName, Customer.LastName\"}");

        // When
        MappingRow edited = RowPatch.apply(ROW, patch);

        // Then
        assertThat(edited.sourceColumns()).containsExactly(new SourceRef(null, "Customer", "FirstName"),
                new SourceRef(null, "Customer", "LastName"));
        assertThat(edited.rawSource()).isEqualTo("Customer.FirstName, Customer.LastName");
    }

    @Test
    void shouldMergeAttributesAndRemoveThoseSetToNull() throws Exception {
        // Given
        JsonNode patch = json("{\"attributes\": {\"Owner\": null, \"Algorithm\": \"A12\"}}");

        // When
        MappingRow edited = RowPatch.apply(ROW, patch);

        // Then
        assertThat(edited.attributes()).containsExactly(Map.entry("Algorithm", "A12"));
    }

    @Test
    void shouldRefuseAnUnknownFieldNamingIt() throws Exception {
        // Given
        JsonNode patch = json("{\"targetColum\": \"x\"}");

        // When / Then
        assertThatThrownBy(() -> RowPatch.apply(ROW, patch))
                .isInstanceOf(DocumentServiceException.class)
                .hasMessageContaining("targetColum")
                .hasMessageContaining("targetColumn")
                .extracting("code").isEqualTo("unknown_field");
    }

    @Test
    void shouldRefuseChangingTheRowsOrigin() throws Exception {
        // Given
        JsonNode patch = json("{\"rowNumber\": 9}");

        // When / Then
        assertThatThrownBy(() -> RowPatch.apply(ROW, patch))
                .isInstanceOf(DocumentServiceException.class)
                .extracting("code").isEqualTo("field_not_editable");
    }

    @Test
    void shouldRefuseAKeyThatIsNotABoolean() throws Exception {
        // Given
        JsonNode patch = json("{\"key\": \"yes\"}");

        // When / Then
        assertThatThrownBy(() -> RowPatch.apply(ROW, patch))
                .isInstanceOf(DocumentServiceException.class)
                .hasMessageContaining("true or false");
    }
}
