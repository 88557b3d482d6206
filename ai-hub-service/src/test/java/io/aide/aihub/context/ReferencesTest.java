package io.aide.aihub.context;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferencesTest {

    @Test
    void shouldFindEveryKindWithItsPositionAndValue() {
        // Given
        String text = "Use @mapping[Customer Map:12] and @code[orders.joins], check @schema[crm.customers.id] "
                + "after @generation[validation].";

        // When
        List<Reference> refs = References.parse(text);

        // Then
        assertThat(refs).extracting(Reference::kind).containsExactly(Reference.Kind.MAPPING, Reference.Kind.CODE,
                Reference.Kind.SCHEMA, Reference.Kind.GENERATION);
        assertThat(refs).extracting(Reference::problem).containsOnlyNulls();
        assertThat(refs.get(0).sheet()).isEqualTo("Customer Map");
        assertThat(refs.get(0).row()).isEqualTo(12);
        assertThat(text.substring(refs.get(0).start(), refs.get(0).end())).isEqualTo("@mapping[Customer Map:12]");
        assertThat(refs.get(1).qualifier()).isEqualTo("orders");
        assertThat(refs.get(1).leaf()).isEqualTo("joins");
        assertThat(refs.get(2).qualifier()).isEqualTo("crm.customers");
        assertThat(refs.get(2).leaf()).isEqualTo("id");
        assertThat(refs.get(3).value()).isEqualTo("validation");
    }

    @Test
    void shouldReadKindsCaseInsensitivelyAndIgnoreOtherWords() {
        // When
        List<Reference> refs = References.parse("@Mapping[ Map:3 ] and @user[x] and mail@host[y] @code[select_clause]");

        // Then
        assertThat(refs).extracting(Reference::raw).containsExactly("@mapping[Map:3]", "@code[select_clause]");
        assertThat(refs.get(1).qualifier()).isNull();
    }

    @Test
    void shouldNameWhatIsWrongWithAMalformedReference() {
        // When
        List<Reference> refs = References.parse("@mapping[Map] @schema[customers] @code[]");

        // Then
        assertThat(refs).extracting(Reference::problem).containsExactly(
                "@mapping[Map] should be @mapping[Sheet:row], e.g. @mapping[Mapping:12]",
                "@schema[customers] should be @schema[table.column]",
                "@code[] is empty: write what it refers to inside the brackets");
    }

    @Test
    void shouldListEachReferenceOfSeveralTextsOnce() {
        // When
        List<Reference> refs = References.parseAll(List.of("fix @code[joins] per @mapping[Map:4]", "@code[joins]",
                "@mapping[Map:5]"));

        // Then
        assertThat(refs).extracting(Reference::raw).containsExactly("@code[joins]", "@mapping[Map:4]", "@mapping[Map:5]");
    }
}
