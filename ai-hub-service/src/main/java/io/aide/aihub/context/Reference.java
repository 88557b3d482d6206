package io.aide.aihub.context;

import java.util.Locale;

/**
 * One {@code @kind[value]} reference written in a chat message or instruction.
 *
 * @param raw     the reference as written canonically, e.g. {@code @mapping[Mapping:12]}
 * @param start   offset of the {@code @} in the text
 * @param end     offset after the {@code ]}
 * @param problem why the value does not fit its kind's form; null when it does
 */
public record Reference(Kind kind, String value, String raw, int start, int end, String problem) {

    /** The four kinds of the grammar (web-ui/src/refs/references.ts holds the same). */
    public enum Kind {
        MAPPING, CODE, SCHEMA, GENERATION;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code @mapping[Sheet:row]}: the sheet (may contain spaces and colons) and the row number. */
    public String sheet() {
        return value.substring(0, value.lastIndexOf(':')).trim();
    }

    public int row() {
        return Integer.parseInt(value.substring(value.lastIndexOf(':') + 1).trim());
    }

    /** {@code @code[target.block]} or {@code @schema[schema.table.column]}: the part before the last dot, or null. */
    public String qualifier() {
        int dot = value.lastIndexOf('.');
        return dot <= 0 ? null : value.substring(0, dot);
    }

    /** The part after the last dot (the block of {@code @code[...]}, the column of {@code @schema[...]}). */
    public String leaf() {
        return value.substring(value.lastIndexOf('.') + 1);
    }
}
