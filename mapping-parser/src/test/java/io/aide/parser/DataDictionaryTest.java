package io.aide.parser;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDictionaryTest {

    private static MappingSpec spec() {
        MappingRow id = new MappingRow(null, "Map", 2, "dim_customer", "customer_id", "INTEGER", "crm", "customers",
                List.of(new SourceRef("crm", "customers", "id")), "id", "Direct move", null, null, true, false, null,
                null, "Surrogate <key> & id", Map.of());
        MappingRow evil = new MappingRow(null, "Map", 3, "dim_customer", "note", "TEXT", null, null, List.of(), null,
                "=HYPERLINK(\"http://x\")|x", null, null, false, true, null, null, "<script>alert(1)</script>",
                Map.of());
        return new MappingSpec("d", "t", 1, "m.xlsx", "xlsx", Map.of(), List.of(), List.of(id, evil), List.of(),
                List.of());
    }

    @Test
    void shouldListEveryTargetColumnWithTypeSourceRuleKeyAndOrigin() {
        // Given
        MappingSpec spec = spec();

        // When
        String md = DataDictionary.markdown(spec);

        // Then
        assertThat(md).contains("## dim_customer")
                .contains("| customer_id | INTEGER | PK | no | crm.customers.id | Direct move | Surrogate &lt;key&gt; & id "
                        + "| @mapping[Map:2] |");
    }

    @Test
    void shouldEscapeFormulasAndHtml() {
        // Given
        MappingSpec spec = spec();

        // When
        String md = DataDictionary.markdown(spec);
        String html = DataDictionary.html(spec);

        // Then
        assertThat(md).contains("'=HYPERLINK(\"http://x\")\\|x").doesNotContain("<script>");
        assertThat(html).contains("&#39;=HYPERLINK(&quot;http://x&quot;)|x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }
}
