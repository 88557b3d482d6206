package io.aide.aihub.modeler;

import java.util.List;

/**
 * One table with its column profiles and key.
 *
 * @param key         the declared primary key, else a key found on the sample (an identifier column unique and
 *                    never missing), else empty
 * @param keyDeclared whether {@code key} is the declared primary key
 * @param sample      the table's sample rows, null without a sample
 */
public record TableProfile(SchemaSnapshot.Table table, List<ColumnProfile> columns, List<String> key,
                           boolean keyDeclared, SampleRows.Table sample) {
    public String name() {
        return table.name();
    }

    public ColumnProfile column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public boolean hasSample() {
        return sample != null && !sample.rows().isEmpty();
    }

    public int sampledRows() {
        return sample == null ? 0 : sample.rows().size();
    }

    /** The single key column, or null for a composite or missing key. */
    public String singleKey() {
        return key.size() == 1 ? key.get(0) : null;
    }

    public String entity() {
        return Names.entity(table.name());
    }
}
