package io.aide.parser;

/**
 * The key of a header override: {@code field} (every sheet) or {@code Sheet:field} (that sheet only; sheet names
 * cannot hold ':', so the key splits at its last ':').
 *
 * @param sheet the sheet the override is for, or null for every sheet
 * @param field the canonical field key as written ({@code target_column}, ...)
 */
public record HeaderOverrideKey(String sheet, String field) {

    public static HeaderOverrideKey parse(String key) {
        if (key == null) {
            return new HeaderOverrideKey(null, null);
        }
        int colon = key.lastIndexOf(':');
        if (colon < 0) {
            return new HeaderOverrideKey(null, key.strip());
        }
        String sheet = key.substring(0, colon).strip();
        return new HeaderOverrideKey(sheet.isEmpty() ? null : sheet, key.substring(colon + 1).strip());
    }

    /** The key as the API takes it. */
    public static String of(String sheet, String field) {
        return sheet == null ? field : sheet + ":" + field;
    }
}
