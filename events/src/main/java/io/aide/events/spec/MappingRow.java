package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One mapping row: how one target column is produced.
 *
 * @param ref           origin as the user sees it: {@code @mapping[Sheet:18]} (1-based Excel row number)
 * @param sourceColumns parsed source references; a cell "Customer.FirstName, Customer.LastName" gives two
 * @param rawSource     the source column cell as written
 * @param key           the row marks the target's primary key
 * @param nullable      null when the document does not say
 * @param attributes    every other column of the row by its header text (algorithm codes, conditions, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingRow(
        String ref,
        String sheet,
        int rowNumber,
        String targetTable,
        String targetColumn,
        String targetType,
        String sourceSystem,
        String sourceTable,
        List<SourceRef> sourceColumns,
        String rawSource,
        String transformation,
        String join,
        String filter,
        boolean key,
        Boolean nullable,
        String defaultValue,
        String nullHandling,
        String description,
        Map<String, String> attributes) {

    public MappingRow {
        Objects.requireNonNull(sheet, "sheet");
        if (ref == null) {
            ref = ref(sheet, rowNumber);
        }
        sourceColumns = sourceColumns == null ? List.of() : List.copyOf(sourceColumns);
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static String ref(String sheet, int rowNumber) {
        return "@mapping[" + sheet + ":" + rowNumber + "]";
    }
}
