package io.aide.aihub.viz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a typed result as Parquet with an in-memory DuckDB: the rows go in as text, and each column is cast back to
 * its SQL type in the COPY, so the file carries the result's types.
 */
public final class ParquetWriter {
    private static final Pattern SAFE_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_ ]*(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?");
    private static final int BATCH = 2_000;

    private ParquetWriter() {
    }

    public static byte[] write(QueryResult result) {
        List<QueryResult.Column> columns = result.columns();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a result without columns cannot be written as Parquet");
        }
        Path file = null;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            file = Files.createTempFile("aide-viz-", ".parquet");
            Files.delete(file);
            List<String> names = new ArrayList<>();
            List<String> casts = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                QueryResult.Column column = columns.get(i);
                String type = column.type() == null || !SAFE_TYPE.matcher(column.type().trim()).matches()
                        ? "VARCHAR" : column.type().trim();
                names.add("c" + i + " VARCHAR");
                casts.add("TRY_CAST(c" + i + " AS " + type + ") AS " + quote(column.name()));
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE result (" + String.join(", ", names) + ")");
            }
            String insert = "INSERT INTO result VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
            try (PreparedStatement s = c.prepareStatement(insert)) {
                int pending = 0;
                for (List<Object> row : result.rows()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = i < row.size() ? row.get(i) : null;
                        s.setString(i + 1, v == null ? null : String.valueOf(v));
                    }
                    s.addBatch();
                    if (++pending == BATCH) {
                        s.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    s.executeBatch();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("COPY (SELECT " + String.join(", ", casts) + " FROM result) TO '"
                        + file.toString().replace("'", "''") + "' (FORMAT parquet)");
            }
            return Files.readAllBytes(file);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write the result as Parquet: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp directory
                }
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
