package io.aide.validation;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckTextTest {

    @Test
    void shouldFindTheNameADuckDbErrorIsAbout() {
        // Given / When / Then
        assertThat(CheckText.nameIn("Catalog Error: Table with name \"ordrs\"! does not exist! Did you mean \"orders\"?"))
                .isEqualTo("ordrs");
        assertThat(CheckText.nameIn("Binder Error: Referenced column \"amount_usd\" not found in FROM clause!"))
                .isEqualTo("amount_usd");
        assertThat(CheckText.nameIn("Parser Error: syntax error at end of input")).isNull();
    }

    @Test
    void shouldLookUpATableWithOrWithoutItsSchema() {
        // Given
        Map<String, Map<String, String>> schema = new LinkedHashMap<>();
        schema.put("sales.orders", Map.of("id", "INTEGER"));
        schema.put("customers", Map.of("name", "VARCHAR"));

        // When / Then
        assertThat(CheckText.lookup(schema, "ORDERS")).containsOnlyKeys("id");
        assertThat(CheckText.lookup(schema, "crm.customers")).containsOnlyKeys("name");
        assertThat(CheckText.lookup(schema, "invoices")).isNull();
    }

    @Test
    void shouldShowAtMostEightValuesAndTheBlocksOfAFinding() {
        // Given / When / Then
        assertThat(CheckText.abbreviate(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")))
                .isEqualTo("(1, 2, 3, 4, 5, 6, 7, 8, ...)");
        assertThat(CheckText.abbreviate(List.of("A", "I"))).isEqualTo("(A, I)");
        assertThat(CheckText.where(List.of("joins", "where_clause"))).isEqualTo(" [block joins, where_clause]");
        assertThat(CheckText.where(List.of())).isEmpty();
    }
}
