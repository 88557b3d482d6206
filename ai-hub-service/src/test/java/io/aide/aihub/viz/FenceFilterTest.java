package io.aide.aihub.viz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FenceFilterTest {

    private static String filtered(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        FenceFilter filter = new FenceFilter(out::append);
        pieces.forEach(filter::accept);
        filter.finish();
        return out.toString();
    }

    @Test
    void shouldTakeOffAFenceSplitAcrossPieces() {
        // Given
        List<String> pieces = List.of("``", "`tsx\nexport default ", "function Viz() {}\n`", "``\n");
        // When
        String code = filtered(pieces);
        // Then
        assertThat(code).isEqualTo("export default function Viz() {}\n");
    }

    @Test
    void shouldPassUnfencedCodeUnchanged() {
        // Given
        List<String> pieces = List.of("export ", "default function Viz() { return null; }");
        // When
        String code = filtered(pieces);
        // Then
        assertThat(code).isEqualTo("export default function Viz() { return null; }");
    }
}
