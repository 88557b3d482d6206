package io.aide.document.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Infers a table per sample file (CSV/TSV/Parquet) with an in-memory DuckDB. Pure; no framework. */
public final class SampleDataInspector {
    private static final int QUERY_TIMEOUT_SECONDS = 60;

    private SampleDataInspector() {
    }

    public record SampleFile(String name, Path path) {
    }

    public static SchemaSnapshot inspect(String dataSourceId, List<SampleFile> files) {
        List<SchemaSnapshot.Table> tables = new ArrayList<>();
        Properties props = new Properties();
        // sample files are untrusted: no extension downloads, no access outside the files we name
        props.setProperty("autoinstall_known_extensions", "false");
        try (Connection db = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", props)) {
            try (Statement st = db.createStatement()) {
                st.execute("SET memory_limit='256MB'");
                st.execute("SET threads=1");
            }
            for (SampleFile file : files) {
                tables.add(table(db, file));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB unavailable: " + e.getMessage(), e);
        }
        return new SchemaSnapshot(dataSourceId, "files", null, Instant.now(), tables);
    }

    private static SchemaSnapshot.Table table(Connection db, SampleFile file) {
        String reader = reader(file);
        List<SchemaSnapshot.Column> columns = new ArrayList<>();
        long rows;
        try (Statement st = db.createStatement()) {
            st.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
                int position = 1;
                while (rs.next()) {
                    columns.add(new SchemaSnapshot.Column(rs.getString("column_name"),
                            rs.getString("column_type").toLowerCase(Locale.ROOT), position++,
                            !"NO".equalsIgnoreCase(rs.getString("null")), null, null));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + reader)) {
                rs.next();
                rows = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DocumentServiceException(422, "bad_sample_data:unreadable", "Sample data refused",
                    "'" + file.name() + "' could not be read as " + (reader.startsWith("read_parquet") ? "Parquet" : "CSV")
                            + ": " + firstLine(e.getMessage()) + ". Check the file and upload it again.", e);
        }
        return new SchemaSnapshot.Table(null, tableName(file.name()), "file", columns, null, null, rows, file.name());
    }

    private static String reader(SampleFile file) {
        String path = file.path().toAbsolutePath().toString().replace("'", "''");
        return switch (ZipGuard.extension(file.name())) {
            case "parquet" -> "read_parquet('" + path + "')";
            case "tsv" -> "read_csv_auto('" + path + "', delim='\\t')";
            default -> "read_csv_auto('" + path + "')";
        };
    }

    /** orders_2024.csv -> orders_2024; what @schema references and SQL use. */
    public static String tableName(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            name = "sample";
        }
        return Character.isDigit(name.charAt(0)) ? "t_" + name : name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
