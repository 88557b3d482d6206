package io.aide.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Applies a user's edit (a JSON object of row fields) to one mapping row. Pure; no framework. */
public final class RowPatch {
    /** Fields a user may change; ref, sheet and rowNumber are the row's origin and stay. */
    public static final Set<String> EDITABLE = new TreeSet<>(List.of("targetTable", "targetColumn", "targetType",
            "sourceSystem", "sourceTable", "sourceColumns", "rawSource", "transformation", "join", "filter", "key",
            "nullable", "defaultValue", "nullHandling", "description", "attributes"));
    private static final Set<String> ORIGIN = Set.of("ref", "sheet", "rowNumber");

    private RowPatch() {
    }

    public static MappingRow apply(MappingRow row, JsonNode patch) {
        if (patch == null || !patch.isObject() || patch.isEmpty()) {
            throw DocumentServiceException.badRequest("invalid_edit",
                    "Send a JSON object with the fields of " + row.ref() + " to change, e.g. {\"transformation\": \"UPPER(name)\"}. Editable fields: "
                            + String.join(", ", EDITABLE) + ".");
        }
        ObjectNode node = EventJson.mapper().valueToTree(row);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (ORIGIN.contains(name)) {
                throw DocumentServiceException.badRequest("field_not_editable",
                        "Field '" + name + "' of " + row.ref() + " is the row's origin in the document and cannot be edited.");
            }
            if (!EDITABLE.contains(name)) {
                throw DocumentServiceException.badRequest("unknown_field",
                        "Unknown field '" + name + "' in the edit of " + row.ref() + ". Editable fields: "
                                + String.join(", ", EDITABLE) + ".");
            }
            switch (name) {
                case "sourceColumns" -> {
                    ArrayNode refs = sourceColumns(row, value);
                    node.set("sourceColumns", refs);
                    if (!patch.has("rawSource") && value.isTextual()) {
                        node.put("rawSource", value.asText());
                    }
                }
                case "attributes" -> node.set("attributes", mergeAttributes(row, node.get("attributes"), value));
                case "key" -> {
                    if (!value.isBoolean()) {
                        throw typeError(row, name, "true or false");
                    }
                    node.set(name, value);
                }
                case "nullable" -> {
                    if (!value.isBoolean() && !value.isNull()) {
                        throw typeError(row, name, "true, false or null");
                    }
                    node.set(name, value);
                }
                default -> {
                    if (!value.isTextual() && !value.isNull()) {
                        throw typeError(row, name, "a string or null");
                    }
                    node.set(name, value);
                }
            }
        }
        return EventJson.mapper().convertValue(node, MappingRow.class);
    }

    /** "Customer.FirstName, Customer.LastName" or a JSON array of such strings / {system, table, column} objects. */
    static ArrayNode sourceColumns(MappingRow row, JsonNode value) {
        ArrayNode out = EventJson.mapper().createArrayNode();
        if (value.isNull()) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isTextual()) {
            for (String part : value.asText().split("[,;\\n]")) {
                if (!part.isBlank()) {
                    items.add(EventJson.mapper().getNodeFactory().textNode(part.trim()));
                }
            }
        } else if (value.isArray()) {
            value.forEach(items::add);
        } else {
            throw typeError(row, "sourceColumns", "a string like \"Orders.OrderDate, Orders.Total\" or an array");
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                out.add(EventJson.mapper().<JsonNode>valueToTree(parseSourceRef(item.asText())));
            } else if (item.isObject() && item.hasNonNull("column")) {
                out.add(item);
            } else {
                throw typeError(row, "sourceColumns", "strings or objects with a 'column' field");
            }
        }
        return out;
    }

    static SourceRef parseSourceRef(String text) {
        String[] parts = text.trim().split("\\.");
        return switch (parts.length) {
            case 1 -> new SourceRef(null, null, parts[0].trim());
            case 2 -> new SourceRef(null, parts[0].trim(), parts[1].trim());
            default -> new SourceRef(parts[0].trim(),
                    String.join(".", List.of(parts).subList(1, parts.length - 1)).trim(), parts[parts.length - 1].trim());
        };
    }

    private static ObjectNode mergeAttributes(MappingRow row, JsonNode current, JsonNode patch) {
        if (!patch.isObject()) {
            throw typeError(row, "attributes", "an object of header -> text (null removes one)");
        }
        ObjectNode merged = current != null && current.isObject() ? ((ObjectNode) current).deepCopy()
                : EventJson.mapper().createObjectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                merged.remove(e.getKey());
            } else if (e.getValue().isValueNode()) {
                merged.put(e.getKey(), e.getValue().asText());
            } else {
                throw typeError(row, "attributes." + e.getKey(), "a string or null");
            }
        });
        return merged;
    }

    private static DocumentServiceException typeError(MappingRow row, String field, String expected) {
        return DocumentServiceException.badRequest("invalid_edit",
                "Field '" + field + "' of " + row.ref() + " must be " + expected + ".");
    }
}
