package io.aide.document.service;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads tables, columns, primary and foreign keys through JDBC DatabaseMetaData. Pure; no framework. */
public final class SchemaIntrospector {
    private static final Set<String> PG_SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    private SchemaIntrospector() {
    }

    /**
     * @param kind postgresql: every non-system schema of the connected database; mysql: the connected database only
     */
    public static SchemaSnapshot introspect(String dataSourceId, String kind, Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean mysql = "mysql".equals(kind);
        String catalog = mysql ? connection.getCatalog() : null;
        String database = mysql ? catalog : connection.getCatalog();
        List<SchemaSnapshot.Table> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, null, "%", new String[]{"TABLE", "VIEW"})) {
            while (rs.next()) {
                String schema = mysql ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
                if (!mysql && (schema == null || PG_SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_temp"))) {
                    continue;
                }
                tables.add(new SchemaSnapshot.Table(schema, rs.getString("TABLE_NAME"),
                        rs.getString("TABLE_TYPE").toLowerCase(Locale.ROOT), null, null, null, null, null));
            }
        }
        List<SchemaSnapshot.Table> full = new ArrayList<>();
        for (SchemaSnapshot.Table t : tables) {
            String cat = mysql ? t.schema() : null;
            String schemaPattern = mysql ? null : t.schema();
            full.add(new SchemaSnapshot.Table(t.schema(), t.name(), t.type(),
                    columns(meta, cat, schemaPattern, t.name()),
                    primaryKey(meta, cat, schemaPattern, t.name()),
                    foreignKeys(meta, cat, schemaPattern, t.name(), mysql), null, null));
        }
        return new SchemaSnapshot(dataSourceId, kind, database, Instant.now(), full);
    }

    private static List<SchemaSnapshot.Column> columns(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<SchemaSnapshot.Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, escape(meta, table), "%")) {
            while (rs.next()) {
                int jdbcType = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                int size = rs.getInt("COLUMN_SIZE");
                boolean sizeNull = rs.wasNull();
                int scale = rs.getInt("DECIMAL_DIGITS");
                boolean scaleNull = rs.wasNull();
                columns.add(new SchemaSnapshot.Column(rs.getString("COLUMN_NAME"),
                        typeLabel(typeName, jdbcType, sizeNull ? null : size, scaleNull ? null : scale),
                        rs.getInt("ORDINAL_POSITION"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        sizeNull ? null : size, scaleNull ? null : scale));
            }
        }
        columns.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> bySeq = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySeq.values());
    }

    private static List<SchemaSnapshot.ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema,
                                                               String table, boolean mysql) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String refSchema = mysql ? rs.getString("PKTABLE_CAT") : rs.getString("PKTABLE_SCHEM");
                byName.computeIfAbsent(name == null ? "fk_" + rs.getString("PKTABLE_NAME") : name, k -> new ArrayList<>())
                        .add(new String[]{rs.getString("FKCOLUMN_NAME"), refSchema, rs.getString("PKTABLE_NAME"),
                                rs.getString("PKCOLUMN_NAME"), String.valueOf(rs.getInt("KEY_SEQ"))});
            }
        }
        List<SchemaSnapshot.ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, parts) -> {
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[4]), Integer.parseInt(b[4])));
            keys.add(new SchemaSnapshot.ForeignKey(name, parts.stream().map(p -> p[0]).toList(), parts.get(0)[1],
                    parts.get(0)[2], parts.stream().map(p -> p[3]).toList()));
        });
        return keys;
    }

    static String typeLabel(String typeName, int jdbcType, Integer size, Integer scale) {
        String base = typeName == null ? "unknown" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR ->
                    size != null && size > 0 && size < Integer.MAX_VALUE && !base.contains("(") && !base.equals("text")
                            ? base + "(" + size + ")" : base;
            case Types.DECIMAL, Types.NUMERIC ->
                    size != null && size > 0 && size < 1000 && !base.contains("(")
                            ? base + "(" + size + "," + (scale == null ? 0 : scale) + ")" : base;
            default -> base;
        };
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String esc = meta.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
