package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What the parser did with one sheet.
 *
 * @param role          mapping | reference | skipped
 * @param reason        why it was skipped or kept as a reference ("no mapping header found", ...)
 * @param headerRow     1-based row of the (last) header row, 0 when none
 * @param hiddenRows    1-based rows hidden in the workbook (reported, still read)
 * @param hiddenColumns column letters hidden in the workbook
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SheetInfo(String name, String role, String reason, int headerRow, int rowsRead, int mappingRows,
                        List<Integer> hiddenRows, List<String> hiddenColumns) {
    public SheetInfo {
        hiddenRows = hiddenRows == null ? List.of() : List.copyOf(hiddenRows);
        hiddenColumns = hiddenColumns == null ? List.of() : List.copyOf(hiddenColumns);
    }
}
