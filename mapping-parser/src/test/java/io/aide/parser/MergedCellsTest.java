package io.aide.parser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MergedCellsTest {

    @Test
    void shouldFillAMergedRegionWithItsTopLeftValueWhileTheRowsPass() {
        // Given: A2:A4 merged (a table name over three rows), B1:C1 merged (a banner)
        MergedCells merges = new MergedCells(List.of(new SheetMeta.Region(2, 4, 0, 0),
                new SheetMeta.Region(1, 1, 1, 2)));

        // When
        String[] row1 = merges.apply(1, new String[]{"Table", "Source", null});
        String[] row2 = merges.apply(2, new String[]{"orders", "id"});
        String[] row3 = merges.apply(3, new String[]{null, "status"});
        String[] row4 = merges.apply(4, new String[]{"", "amount"});
        String[] row5 = merges.apply(5, new String[]{null, "other"});

        // Then
        assertThat(row1).containsExactly("Table", "Source", "Source");
        assertThat(row2).containsExactly("orders", "id");
        assertThat(row3).containsExactly("orders", "status");
        assertThat(row4).containsExactly("orders", "amount");
        assertThat(row5).containsExactly(null, "other");
    }

    @Test
    void shouldWidenARowThatEndsBeforeTheRegionAndKeepCellsThatHaveAValue() {
        // Given: B1:D2 merged
        MergedCells merges = new MergedCells(List.of(new SheetMeta.Region(1, 2, 1, 3)));

        // When
        merges.apply(1, new String[]{"a", "x"});
        String[] row2 = merges.apply(2, new String[]{"b", null, "kept"});

        // Then
        assertThat(row2).containsExactly("b", "x", "kept", "x");
    }

    @Test
    void shouldLeaveRowsAloneWithoutMergedRegions() {
        // Given
        MergedCells merges = new MergedCells(List.of());
        String[] cells = {"a", null};

        // When / Then
        assertThat(merges.apply(1, cells)).isSameAs(cells);
    }
}
