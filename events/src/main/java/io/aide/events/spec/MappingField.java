package io.aide.events.spec;

/** The canonical fields a mapping row can carry; names are the keys of {@code headerMapping}. */
public enum MappingField {
    TARGET_TABLE("target_table"),
    TARGET_COLUMN("target_column"),
    TARGET_TYPE("target_type"),
    SOURCE_SYSTEM("source_system"),
    SOURCE_TABLE("source_table"),
    SOURCE_COLUMN("source_column"),
    SOURCE_TYPE("source_type"),
    TRANSFORMATION("transformation"),
    JOIN("join"),
    FILTER("filter"),
    KEY("key"),
    NULLABLE("nullable"),
    DEFAULT_VALUE("default_value"),
    NULL_HANDLING("null_handling"),
    DESCRIPTION("description"),
    GROUP_BY("group_by"),
    COMMENTS("comments");

    private final String key;

    MappingField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static MappingField fromKey(String key) {
        for (MappingField f : values()) {
            if (f.key.equalsIgnoreCase(key)) {
                return f;
            }
        }
        return null;
    }
}
