package io.aide.parser;

import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"INTEGER", "int", "BIGINT", "VARCHAR(50)", "varchar2(100 char)", "NVARCHAR(MAX)",
            "DECIMAL(18,2)", "NUMBER(10)", "numeric(12, 4)", "DATE", "TIMESTAMP", "timestamp with time zone",
            "BOOLEAN", "TEXT", "STRING", "CHAR(1)", "FLOAT", "double precision", "uuid", "JSONB", "datetime2(7)"})
    void shouldRecognizeSqlTypes(String type) {
        // Given / When / Then
        assertThat(CellValues.isRecognizedType(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VARCHARX", "see notes", "DropDownList", "ISO 8601"})
    void shouldNotRecognizeNonTypes(String type) {
        // Given / When / Then
        assertThat(CellValues.isRecognizedType(type)).isFalse();
    }

    @Test
    void shouldSplitSeveralQualifiedSourcesInOneCell() {
        // Given
        String cell = "Customer.FirstName, Customer.LastName;\ncrm.dbo.Orders.OrderDate";

        // When
        var refs = CellValues.parseSources(cell, null, null);

        // Then
        assertThat(refs).containsExactly(new SourceRef(null, "Customer", "FirstName"),
                new SourceRef(null, "Customer", "LastName"), new SourceRef("crm.dbo", "Orders", "OrderDate"));
    }

    @Test
    void shouldKeepExpressionsAndNamesWithSpacesWhole() {
        // Given / When / Then
        assertThat(CellValues.parseSources("COALESCE(a, b)", "t", null))
                .containsExactly(new SourceRef(null, "t", "COALESCE(a, b)"));
        assertThat(CellValues.parseSources("Weight (Kilograms)", null, "scms"))
                .containsExactly(new SourceRef("scms", null, "Weight (Kilograms)"));
        assertThat(CellValues.parseSources("n/a", "t", null)).isEmpty();
        assertThat(CellValues.parseSources("[Order Details].[Unit Price]", null, null))
                .containsExactly(new SourceRef(null, "Order Details", "Unit Price"));
    }

    @Test
    void shouldReadKeyAndNullableFlags() {
        // Given / When / Then
        assertThat(CellValues.parseKey("PK")).isTrue();
        assertThat(CellValues.parseKey("Primary Key")).isTrue();
        assertThat(CellValues.parseKey("FK")).isFalse();
        assertThat(CellValues.parseNullable("Y", false)).isTrue();
        assertThat(CellValues.parseNullable("Y", true)).isFalse();
        assertThat(CellValues.parseNullable("NOT NULL", false)).isFalse();
        assertThat(CellValues.parseNullable("maybe", false)).isNull();
    }

    @Test
    void shouldReadANullHandlingCellThatOnlyStatesTheColumnIsNeverNull() {
        // Given / When / Then: the column's nullability, which the checks test on data
        for (String cell : new String[]{"Not null", "Never null.", "Mandatory", "Always populated in source", "Not null in source",
                "NULLs not allowed", "must be populated", "Not expected to be blank", "Should never be null.", "Cannot be empty"}) {
            assertThat(CellValues.saysNotNull(cell)).as(cell).isTrue();
        }
        // a cell that says what a missing value becomes, or that rows are dropped, is no statement of nullability
        for (String cell : new String[]{"Blank → NULL", "Not null → 'X'", "If null use 0", "Rows with a null key are not loaded", "",
                "Not expected to be blank; use 'N/A' if it is"}) {
            assertThat(CellValues.saysNotNull(cell)).as(cell).isFalse();
        }
        assertThat(CellValues.saysNotNull(null)).isFalse();
    }

    @Test
    void shouldRenderNumbersAndDatesAsTheUserSeesThem() {
        // Given / When / Then
        assertThat(CellValues.number(new BigDecimal("1.0E7"))).isEqualTo("10000000");
        assertThat(CellValues.number(new BigDecimal("0.10"))).isEqualTo("0.1");
        assertThat(CellValues.number(3.0)).isEqualTo("3");
        assertThat(CellValues.date(LocalDateTime.of(2024, 3, 31, 0, 0))).isEqualTo("2024-03-31");
        assertThat(CellValues.date(LocalDateTime.of(2024, 3, 31, 14, 5, 9))).isEqualTo("2024-03-31 14:05:09");
    }
}
