package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the checks find a table among the sandbox's names and word their messages. */
final class CheckText {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern MISSING_TABLE = Pattern.compile("Table with name (\\S+) does not exist");

    private CheckText() {
    }

    /** The columns of {@code table} in the sandbox schema, matching schema-qualified names either way; or null. */
    static Map<String, String> lookup(Map<String, Map<String, String>> schema, String table) {
        for (Map.Entry<String, Map<String, String>> e : schema.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            String t = table.toLowerCase(Locale.ROOT);
            if (k.equals(t) || k.endsWith("." + t) || t.endsWith("." + k)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The table or quoted name a DuckDB error message is about, or null. */
    static String nameIn(String message) {
        Matcher table = MISSING_TABLE.matcher(message);
        if (table.find()) {
            return table.group(1).replaceAll("[!\"]", "");
        }
        Matcher q = QUOTED.matcher(message);
        return q.find() ? q.group(1) : null;
    }

    /** Where a column comes from in the mapping, for a message. */
    static String at(GeneratedLayers.Column c) {
        return c.mappingRef() == null ? "" : " (see " + c.mappingRef() + ")";
    }

    /** The blocks a finding points at, for a message. */
    static String where(List<String> blocks) {
        return blocks.isEmpty() ? "" : " [block " + String.join(", ", blocks) + "]";
    }

    static String abbreviate(List<String> values) {
        List<String> shown = values.size() > 8 ? values.subList(0, 8) : values;
        return "(" + String.join(", ", shown) + (values.size() > 8 ? ", ..." : "") + ")";
    }
}
