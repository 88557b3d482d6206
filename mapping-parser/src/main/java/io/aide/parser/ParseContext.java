package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingField;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SheetInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Everything one parse accumulates across sheets. */
final class ParseContext {

    private static final int MAX_DIAGNOSTICS_PER_CODE = 200;

    final String fileName;
    final ParseOptions options;
    final ParserLimits limits;
    /** Overrides for every sheet: field -> header text. */
    final Map<MappingField, String> overrides = new LinkedHashMap<>();
    /** Overrides of one sheet (sheet name in lower case -> field -> header text); they win over {@link #overrides}. */
    final Map<String, Map<MappingField, String>> sheetOverrides = new LinkedHashMap<>();
    final List<MappingRow> rows = new ArrayList<>();
    final List<SheetInfo> sheets = new ArrayList<>();
    final List<ReferenceTable> referenceTables = new ArrayList<>();
    /** Lines of sheets without mapping rows: a cover sheet's conventions, a target's grain. */
    final List<io.aide.events.spec.DocumentNote> notes = new ArrayList<>();
    final Map<String, Map<String, String>> headerMapping = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> diagnosticCounts = new LinkedHashMap<>();
    /** Target table and column (lower case) -> index in {@link #rows} of the first row that maps it. */
    final Map<TargetKey, Integer> firstRowByTarget = new HashMap<>();
    private final Map<String, Boolean> knownTypes = new HashMap<>();

    record TargetKey(String table, String column) {
    }

    boolean isRecognizedType(String type) {
        return knownTypes.computeIfAbsent(type, CellValues::isRecognizedType);
    }
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, Set<String>> schemaLower;
    /** Characters of cell text kept so far; bounded so a crafted sheet cannot exhaust the heap. */
    long retainedChars;
    /** Reading an uploaded lookup file: every table is a reference table, none is a mapping. */
    boolean referenceOnly;

    /** The overrides that apply on one sheet: those for every sheet, replaced field by field by the sheet's own. */
    Map<MappingField, String> overridesFor(String sheet) {
        Map<MappingField, String> own = sheet == null ? null : sheetOverrides.get(sheet.toLowerCase(Locale.ROOT));
        if (own == null) {
            return overrides;
        }
        Map<MappingField, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(own);
        return merged;
    }

    long maxRetainedChars() {
        return Math.max(1L << 20, limits.maxUncompressedBytes() / 8);
    }

    ParseContext(String fileName, ParseOptions options, ParserLimits limits) {
        this.fileName = fileName;
        this.options = options;
        this.limits = limits;
        for (Map.Entry<String, String> o : options.headerOverrides().entrySet()) {
            HeaderOverrideKey key = HeaderOverrideKey.parse(o.getKey());
            MappingField f = key.field() == null ? null : MappingField.fromKey(key.field());
            if (f != null && o.getValue() != null && !o.getValue().isBlank()) {
                if (key.sheet() == null) {
                    overrides.put(f, o.getValue());
                } else {
                    sheetOverrides.computeIfAbsent(key.sheet().toLowerCase(Locale.ROOT), s -> new LinkedHashMap<>())
                            .put(f, o.getValue());
                }
            } else {
                diagnostic(Diagnostic.WARNING, "header_override_unknown_field", "Header override '" + o.getKey()
                        + "' is not a mapping field; use one of " + java.util.Arrays.stream(MappingField.values())
                        .map(MappingField::key).toList() + ".", null, null);
            }
        }
        if (options.knownSchema() != null) {
            schemaLower = new HashMap<>();
            options.knownSchema().forEach((t, cols) -> {
                Set<String> lower = new java.util.HashSet<>();
                if (cols != null) {
                    cols.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
                }
                schemaLower.put(t.toLowerCase(Locale.ROOT), lower);
                int dot = t.lastIndexOf('.');
                if (dot > 0) {
                    schemaLower.putIfAbsent(t.substring(dot + 1).toLowerCase(Locale.ROOT), lower);
                }
            });
        } else {
            schemaLower = null;
        }
    }

    /** Shares repeated short cell texts (table names, types) between rows to keep large documents small. */
    String intern(String s) {
        if (s == null || s.length() > 64) {
            return s;
        }
        if (strings.size() > 100_000) {
            return s;
        }
        String prev = strings.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    void diagnostic(String severity, String code, String message, String cell, String ref) {
        int n = diagnosticCounts.merge(code, 1, Integer::sum);
        if (n <= MAX_DIAGNOSTICS_PER_CODE) {
            diagnostics.add(new Diagnostic(severity, code, message, cell, ref));
        }
    }

    boolean hasSchema() {
        return schemaLower != null;
    }

    /** null when the table is unknown to the registered schema, else its columns (lower case). */
    Set<String> schemaColumns(String table) {
        if (schemaLower == null || table == null) {
            return null;
        }
        String t = table.toLowerCase(Locale.ROOT);
        Set<String> cols = schemaLower.get(t);
        if (cols == null && t.indexOf('.') > 0) {
            cols = schemaLower.get(t.substring(t.lastIndexOf('.') + 1));
        }
        return cols;
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        diagnosticCounts.forEach((code, n) -> {
            if (n > MAX_DIAGNOSTICS_PER_CODE) {
                out.add(new Diagnostic(Diagnostic.INFO, code, (n - MAX_DIAGNOSTICS_PER_CODE) + " more '" + code
                        + "' findings are not listed; the first " + MAX_DIAGNOSTICS_PER_CODE + " are.", null, null));
            }
        });
        return out;
    }
}
