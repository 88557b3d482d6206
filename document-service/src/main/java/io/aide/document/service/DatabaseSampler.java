package io.aide.document.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the first rows of a registered database's tables, for validating a layer on real data. Only tables of
 * the data source's schema snapshot are read, by their quoted names; values come back as text. Pure; no framework.
 */
public final class DatabaseSampler {
    /** Most tables read when the caller names none. */
    public static final int MAX_TABLES = 50;
    public static final int MAX_ROWS = 10_000;
    private static final int QUERY_TIMEOUT_SECONDS = 30;

    private DatabaseSampler() {
    }

    public record Column(String name, String type) {
    }

    /** @param truncated the table holds more rows than were read */
    public record Table(String schema, String name, List<Column> columns, List<List<String>> rows, boolean truncated) {
    }

    /** @param missing requested tables the snapshot does not know (not read) */
    public record Sample(List<Table> tables, List<String> missing) {
    }

    public static Sample sample(Connection connection, String kind, SchemaSnapshot snapshot, List<String> requested,
                                int limit) throws SQLException {
        int rows = Math.max(1, Math.min(limit, MAX_ROWS));
        List<SchemaSnapshot.Table> chosen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            snapshot.tables().stream().limit(MAX_TABLES).forEach(chosen::add);
        } else {
            for (String name : requested) {
                Optional<SchemaSnapshot.Table> t = find(snapshot, name);
                if (t.isEmpty()) {
                    missing.add(name);
                } else if (!chosen.contains(t.get())) {
                    chosen.add(t.get());
                }
            }
        }
        List<Table> out = new ArrayList<>();
        for (SchemaSnapshot.Table t : chosen) {
            out.add(read(connection, "mysql".equals(kind), t, rows));
        }
        return new Sample(out, missing);
    }

    /** {@code name} or {@code schema.name}, case-insensitive, as the compiler and the validator name tables. */
    static Optional<SchemaSnapshot.Table> find(SchemaSnapshot snapshot, String requested) {
        String r = requested.trim().toLowerCase(Locale.ROOT);
        return snapshot.tables().stream().filter(t -> t.schema() != null
                        && (t.schema() + "." + t.name()).toLowerCase(Locale.ROOT).equals(r)).findFirst()
                .or(() -> snapshot.tables().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(r)).findFirst());
    }

    private static Table read(Connection connection, boolean mysql, SchemaSnapshot.Table t, int limit) throws SQLException {
        String quote = mysql ? "`" : "\"";
        String qualified = (t.schema() == null ? "" : quoted(t.schema(), quote) + ".") + quoted(t.name(), quote);
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            st.setMaxRows(limit + 1);
            st.setFetchSize(Math.min(limit + 1, 1000));
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + qualified)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<Column> columns = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    columns.add(new Column(meta.getColumnLabel(i), type(meta, i)));
                }
                List<List<String>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == limit) {
                        truncated = true;
                        break;
                    }
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return new Table(t.schema(), t.name(), columns, rows, truncated);
            }
        }
    }

    /** The database's type name, with precision and scale where they matter (numeric(12,2)). */
    private static String type(ResultSetMetaData meta, int i) throws SQLException {
        String name = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if ((name.equals("numeric") || name.equals("decimal")) && meta.getPrecision(i) > 0 && meta.getPrecision(i) <= 1000) {
            return name + "(" + meta.getPrecision(i) + "," + Math.max(0, meta.getScale(i)) + ")";
        }
        return name;
    }

    private static String quoted(String identifier, String quote) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
