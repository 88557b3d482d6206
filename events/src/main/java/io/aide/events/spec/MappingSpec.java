package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical parsed mapping document every service reads. Written by document-service, stored
 * per version in Postgres (JSONB) and S3; the S3 key travels in MappingParsed / MappingEdited.
 *
 * @param headerMapping   sheet -> (canonical field name, see {@link MappingField}) -> header text found
 * @param sheets          every sheet of the workbook and what was done with it
 * @param rows            the mapping rows, in document order
 * @param referenceTables lookup / parameter sheets and uploaded reference files, by name
 * @param diagnostics     document- and row-level findings
 * @param notes           the lines of sheets that hold no mapping (a cover sheet's conventions, a target's grain)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingSpec(
        String documentId,
        String tenantId,
        int version,
        String fileName,
        String format,
        Map<String, Map<String, String>> headerMapping,
        List<SheetInfo> sheets,
        List<MappingRow> rows,
        List<ReferenceTable> referenceTables,
        List<Diagnostic> diagnostics,
        List<DocumentNote> notes) {

    public MappingSpec {
        notes = notes == null ? List.of() : List.copyOf(notes);
        headerMapping = headerMapping == null ? Map.of() : headerMapping;
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
        rows = rows == null ? List.of() : List.copyOf(rows);
        referenceTables = referenceTables == null ? List.of() : List.copyOf(referenceTables);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    public MappingSpec(String documentId, String tenantId, int version, String fileName, String format,
                       Map<String, Map<String, String>> headerMapping, List<SheetInfo> sheets, List<MappingRow> rows,
                       List<ReferenceTable> referenceTables, List<Diagnostic> diagnostics) {
        this(documentId, tenantId, version, fileName, format, headerMapping, sheets, rows, referenceTables, diagnostics,
                List.of());
    }

    /** Target table -> its rows, in document order of first appearance. */
    @JsonIgnore
    public Map<String, List<MappingRow>> rowsByTarget() {
        Map<String, List<MappingRow>> byTarget = new LinkedHashMap<>();
        for (MappingRow row : rows) {
            if (row.targetTable() != null) {
                byTarget.computeIfAbsent(row.targetTable(), t -> new ArrayList<>()).add(row);
            }
        }
        return byTarget;
    }

    /** Target table -> number of rows (the {@code targets} field of the API). */
    @JsonIgnore
    public Map<String, Integer> targetCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rowsByTarget().forEach((t, r) -> counts.put(t, r.size()));
        return counts;
    }

    @JsonIgnore
    public ReferenceTable referenceTable(String name) {
        Objects.requireNonNull(name, "name");
        return referenceTables.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public MappingSpec withVersion(int newVersion) {
        return new MappingSpec(documentId, tenantId, newVersion, fileName, format, headerMapping, sheets, rows,
                referenceTables, diagnostics, notes);
    }

    public MappingSpec withRows(List<MappingRow> newRows) {
        return new MappingSpec(documentId, tenantId, version, fileName, format, headerMapping, sheets, newRows,
                referenceTables, diagnostics, notes);
    }
}
