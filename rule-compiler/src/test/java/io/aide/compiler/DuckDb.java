package io.aide.compiler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory DuckDB for running generated SQL in tests. */
final class DuckDb implements AutoCloseable {
    private final Connection connection;

    DuckDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    DuckDb exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
        return this;
    }

    /** Creates a text table from rows; the first row holds the column names. */
    DuckDb table(String name, String[]... rows) throws SQLException {
        StringBuilder sb = new StringBuilder("CREATE TABLE \"" + name + "\" (");
        for (int i = 0; i < rows[0].length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(rows[0][i]).append("\" VARCHAR");
        }
        exec(sb.append(")").toString());
        for (int r = 1; r < rows.length; r++) {
            StringBuilder ins = new StringBuilder("INSERT INTO \"" + name + "\" VALUES (");
            for (int i = 0; i < rows[r].length; i++) {
                String v = rows[r][i];
                ins.append(i == 0 ? "" : ", ").append(v == null ? "NULL" : "'" + v.replace("'", "''") + "'");
            }
            exec(ins.append(")").toString());
        }
        return this;
    }

    List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
