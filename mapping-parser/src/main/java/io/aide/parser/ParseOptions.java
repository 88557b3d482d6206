package io.aide.parser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-upload parse settings.
 *
 * @param headerOverrides {@code field} (every sheet) or {@code Sheet:field} (that sheet; see {@link HeaderOverrideKey})
 *                        -> header text to read the field from
 * @param referenceFiles  uploaded lookup files (csv, tsv, xlsx, xls, yaml, json) kept as reference tables
 * @param knownSchema     table -> columns of a registered schema, for {@code source_table_unknown}; null when none
 */
public record ParseOptions(String documentId, String tenantId, int version, Map<String, String> headerOverrides,
                           List<Path> referenceFiles, Map<String, Set<String>> knownSchema) {

    public ParseOptions {
        headerOverrides = headerOverrides == null ? Map.of() : Map.copyOf(headerOverrides);
        referenceFiles = referenceFiles == null ? List.of() : List.copyOf(referenceFiles);
        version = version <= 0 ? 1 : version;
    }

    public static ParseOptions defaults() {
        return new ParseOptions(null, null, 1, Map.of(), List.of(), null);
    }

    public static ParseOptions of(String documentId, String tenantId) {
        return new ParseOptions(documentId, tenantId, 1, Map.of(), List.of(), null);
    }

    public ParseOptions withHeaderOverrides(Map<String, String> overrides) {
        return new ParseOptions(documentId, tenantId, version, overrides, referenceFiles, knownSchema);
    }

    public ParseOptions withReferenceFiles(List<Path> files) {
        return new ParseOptions(documentId, tenantId, version, headerOverrides, files, knownSchema);
    }

    public ParseOptions withKnownSchema(Map<String, Set<String>> schema) {
        return new ParseOptions(documentId, tenantId, version, headerOverrides, referenceFiles, schema);
    }

    public ParseOptions withVersion(int newVersion) {
        return new ParseOptions(documentId, tenantId, newVersion, headerOverrides, referenceFiles, knownSchema);
    }
}
