package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What the parser did with one sheet.
 *
 * @param role          mapping | reference | skipped
 * @param reason        why it was skipped or kept as a reference ("no mapping header found", ...)
 * @param headerRow     1-based row of the (last) header row, 0 when none
 * @param hiddenRows    1-based rows hidden in the workbook (reported, still read)
 * @param hiddenColumns column letters hidden in the workbook
 * @param headers       column letter -> header text of a mapping sheet's header row (what a user can map a
 *                      field to), in column order; empty for other sheets
 * @param columns       canonical field key -> column letter the parser mapped it to (places a diagnostic's
 *                      cell on its field)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SheetInfo(String name, String role, String reason, int headerRow, int rowsRead, int mappingRows,
                        List<Integer> hiddenRows, List<String> hiddenColumns, Map<String, String> headers,
                        Map<String, String> columns) {
    public SheetInfo {
        hiddenRows = hiddenRows == null ? List.of() : List.copyOf(hiddenRows);
        hiddenColumns = hiddenColumns == null ? List.of() : List.copyOf(hiddenColumns);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    public SheetInfo(String name, String role, String reason, int headerRow, int rowsRead, int mappingRows,
                     List<Integer> hiddenRows, List<String> hiddenColumns) {
        this(name, role, reason, headerRow, rowsRead, mappingRows, hiddenRows, hiddenColumns, null, null);
    }
}
