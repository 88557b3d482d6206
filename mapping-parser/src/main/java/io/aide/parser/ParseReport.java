package io.aide.parser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingSpec;

/** The parse summary shared by GET /api/v1/documents/{id} (plus status and documentId) and {@code aide parse --json}. */
public final class ParseReport {

    private ParseReport() {
    }

    /** {fileName, rowsFound, targets: {name: rows}, headerMapping, sheets, diagnostics[]}. */
    public static ObjectNode toJson(MappingSpec spec) {
        ObjectMapper mapper = EventJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("fileName", spec.fileName());
        root.put("rowsFound", spec.rows().size());
        ObjectNode targets = root.putObject("targets");
        spec.targetCounts().forEach(targets::put);
        root.set("headerMapping", mapper.valueToTree(spec.headerMapping()));
        root.set("sheets", mapper.valueToTree(spec.sheets()));
        root.set("diagnostics", mapper.valueToTree(spec.diagnostics()));
        return root;
    }
}
