package io.aide.validator.query;

import io.aide.validation.DuckDbSandbox;
import io.aide.validation.QueryResult;
import io.aide.validation.SampleTable;
import io.aide.validation.SandboxLimits;
import io.aide.validation.TypedRows;
import io.aide.validator.config.ValidatorConfig;
import io.aide.validator.service.ValidatorException;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query on a sample run by PostgreSQL ({@code engine: postgres}) in the platform's sandbox database: its own role,
 * which may only connect there and create temporary tables. The sample's tables (typed as the DuckDB engine reads
 * them) are loaded into the session's temporary schema, which no other session can read and which is dropped with the
 * session; the query then runs alone in a read-only transaction under a statement timeout, wrapped so that it is one
 * SELECT with at most {@code limit + 1} rows. The answer has the DuckDB engine's shape (DuckDB type names, JSON values).
 */
@ApplicationScoped
public class PostgresSampleQuery {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
    /** DuckDB types of the sample -> the PostgreSQL types its tables are created with; anything else is text. */
    private static final Map<String, String> TO_POSTGRES = Map.ofEntries(
            Map.entry("BOOLEAN", "boolean"), Map.entry("TINYINT", "smallint"), Map.entry("SMALLINT", "smallint"),
            Map.entry("INTEGER", "integer"), Map.entry("BIGINT", "bigint"), Map.entry("HUGEINT", "numeric"),
            Map.entry("UTINYINT", "smallint"), Map.entry("USMALLINT", "integer"), Map.entry("UINTEGER", "bigint"),
            Map.entry("UBIGINT", "numeric"), Map.entry("FLOAT", "real"), Map.entry("DOUBLE", "double precision"),
            Map.entry("DATE", "date"), Map.entry("TIME", "time"), Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamptz"), Map.entry("UUID", "uuid"),
            Map.entry("VARCHAR", "text"));
    /** PostgreSQL result types -> the DuckDB names the DuckDB engine answers with. */
    private static final Map<String, String> TO_DUCKDB = Map.ofEntries(
            Map.entry("bool", "BOOLEAN"), Map.entry("int2", "SMALLINT"), Map.entry("int4", "INTEGER"),
            Map.entry("int8", "BIGINT"), Map.entry("float4", "FLOAT"), Map.entry("float8", "DOUBLE"),
            Map.entry("text", "VARCHAR"), Map.entry("varchar", "VARCHAR"), Map.entry("bpchar", "VARCHAR"),
            Map.entry("name", "VARCHAR"), Map.entry("date", "DATE"), Map.entry("time", "TIME"),
            Map.entry("timestamp", "TIMESTAMP"), Map.entry("timestamptz", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("uuid", "UUID"));
    private static final String WRAP_HEAD = "SELECT * FROM (\n";

    private final ValidatorConfig config;

    public PostgresSampleQuery(ValidatorConfig config) {
        this.config = config;
    }

    /** Runs {@code sql} on the tables in a session of the sandbox database, keeping at most {@code limit} rows. */
    public TypedRows run(String sql, List<SampleTable> tables, int limit) {
        List<Staged> staged = stage(tables);
        try (Connection pg = connect()) {
            try (Statement st = pg.createStatement()) {
                st.execute("SET statement_timeout = " + config.statementTimeout().toMillis());
                pg.setAutoCommit(false);
                loadAll(pg, staged);
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + config.queryTimeout().toMillis());
                try (ResultSet rs = st.executeQuery(WRAP_HEAD + sql + "\n) AS aide_query LIMIT " + (limit + 1))) {
                    return read(rs, limit);
                } finally {
                    discard(pg, st);
                }
            }
        } catch (SQLException e) {
            throw refusal(e);
        }
    }

    /** The sample goes with the session anyway; dropped here so none outlives the answer. Never hides the answer. */
    private static void discard(Connection pg, Statement st) {
        try {
            pg.rollback();
            pg.setAutoCommit(true);
            st.execute("DISCARD TEMP");
        } catch (SQLException ignored) {
            // a broken session drops its temporary tables when it closes
        }
    }

    private Connection connect() {
        try {
            Connection pg = DriverManager.getConnection(config.postgresSandboxUrl(), config.postgresSandboxUser(),
                    config.postgresSandboxPassword());
            pg.setAutoCommit(true);
            return pg;
        } catch (SQLException e) {
            throw ValidatorException.unavailable("postgres_sandbox", "The PostgreSQL sandbox database cannot be "
                    + "reached (" + config.postgresSandboxUrl() + " as " + config.postgresSandboxUser() + "): "
                    + firstLine(e.getMessage()) + " Retry in a moment, or run the query with engine 'duckdb'.", e);
        }
    }

    /** A sample table read by DuckDB as the DuckDB engine reads it: column names, DuckDB types, values as text. */
    private record Staged(String name, List<String> columns, List<String> types, List<List<String>> rows) {
    }

    private List<Staged> stage(List<SampleTable> tables) {
        SandboxLimits limits = new SandboxLimits(config.memoryLimit(), config.threads(), config.queryTimeout(), 5);
        List<Staged> staged = new ArrayList<>();
        try (DuckDbSandbox sandbox = DuckDbSandbox.open(limits)) {
            tables.forEach(sandbox::load);
            sandbox.lock();
            Map<String, Map<String, String>> schema = sandbox.schema();
            for (SampleTable table : tables) {
                Map<String, String> columns = schema.getOrDefault(table.name(), Map.of());
                QueryResult text = sandbox.queryText("SELECT * FROM " + DuckDbSandbox.tableRef(table.name()));
                List<List<String>> rows = new ArrayList<>();
                for (Map<String, Object> row : text.rows()) {
                    rows.add(text.columns().stream().map(c -> (String) row.get(c)).toList());
                }
                staged.add(new Staged(table.name(), List.copyOf(columns.keySet()), List.copyOf(columns.values()), rows));
            }
        }
        return staged;
    }

    /** The sample into the session's temporary schema, committed; a value PostgreSQL cannot take is the sample's fault. */
    private void loadAll(Connection pg, List<Staged> staged) throws SQLException {
        try {
            for (Staged table : staged) {
                load(pg, table);
            }
            pg.commit();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("22") || state.startsWith("42")) {
                throw new ValidatorException(422, "sample:load", "Sample not usable", "PostgreSQL could not load the "
                        + "sample: " + firstLine(e.getMessage()) + " (SQLSTATE " + state + ").", e);
            }
            throw e;
        }
    }

    /** One temporary table (the session's own schema): a qualified sample name keeps its last part. */
    private static void load(Connection pg, Staged table) throws SQLException {
        String name = DuckDbSandbox.ident(table.name().substring(table.name().lastIndexOf('.') + 1));
        StringBuilder create = new StringBuilder("CREATE TEMPORARY TABLE ").append(name).append(" (");
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(name).append(" VALUES (");
        for (int i = 0; i < table.columns().size(); i++) {
            String type = postgresType(table.types().get(i));
            create.append(i == 0 ? "" : ", ").append(DuckDbSandbox.ident(table.columns().get(i))).append(' ').append(type);
            insert.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(type).append(')');
        }
        try (Statement st = pg.createStatement()) {
            st.execute(create.append(')').toString());
        }
        if (table.rows().isEmpty()) {
            return;
        }
        try (PreparedStatement rows = pg.prepareStatement(insert.append(')').toString())) {
            for (List<String> row : table.rows()) {
                for (int i = 0; i < table.columns().size(); i++) {
                    rows.setString(i + 1, row.get(i));
                }
                rows.addBatch();
            }
            rows.executeBatch();
        }
    }

    static String postgresType(String duckdbType) {
        Matcher decimal = DECIMAL.matcher(duckdbType);
        if (decimal.matches()) {
            return "numeric(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        return TO_POSTGRES.getOrDefault(duckdbType, "text");
    }

    private static TypedRows read(ResultSet rs, int limit) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<TypedRows.Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(new TypedRows.Column(md.getColumnLabel(i), duckdbType(md.getColumnTypeName(i),
                    md.getPrecision(i), md.getScale(i))));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean more = false;
        while (rs.next()) {
            if (rows.size() == limit) {
                more = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rs, i));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return new TypedRows(columns, rows, more);
    }

    static String duckdbType(String postgresType, int precision, int scale) {
        String lower = postgresType == null ? "" : postgresType.toLowerCase(Locale.ROOT);
        if (lower.equals("numeric")) {
            // a numeric without a declared precision has none to report
            return precision > 0 && precision <= 1000 ? "DECIMAL(" + precision + "," + scale + ")" : "DECIMAL";
        }
        return TO_DUCKDB.getOrDefault(lower, lower.toUpperCase(Locale.ROOT));
    }

    /** Numbers and booleans as JSON numbers and booleans; dates, times and anything else in PostgreSQL's text form. */
    private static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return rs.getString(column);
    }

    /** PostgreSQL's own reason, classified by its SQLSTATE; a position is given in the caller's SQL. */
    private ValidatorException refusal(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String reason = server != null && server.getMessage() != null ? server.getMessage() : firstLine(e.getMessage());
        int position = server == null ? 0 : server.getPosition() - WRAP_HEAD.length();
        String where = position > 0 ? " (at character " + position + " of the query)" : "";
        if (state.equals("57014")) {
            return new ValidatorException(422, "sandbox:timeout", "Query failed on the sample", "PostgreSQL stopped "
                    + "the statement after the sandbox's limit (" + config.queryTimeout().toMillis() + " ms for the "
                    + "query, " + config.statementTimeout().toMillis() + " ms for loading the sample): " + reason, e);
        }
        if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000") || state.startsWith("53")) {
            return ValidatorException.unavailable("postgres_sandbox", "The PostgreSQL sandbox cannot run the query "
                    + "now: " + reason + " (SQLSTATE " + state + "). Retry in a moment.", e);
        }
        String code = state.equals("42601") ? "postgres:syntax" : state.startsWith("42") ? "postgres:binding"
                : state.equals("25006") ? "query:not_select" : "postgres:execute";
        String title = switch (code) {
            case "postgres:syntax" -> "SQL does not parse";
            case "postgres:binding" -> "Query does not match the sample";
            case "query:not_select" -> "Not a read-only query";
            default -> "Query failed on the sample";
        };
        return new ValidatorException(422, code, title, "PostgreSQL refused the query: " + reason + where
                + " (SQLSTATE " + state + ").", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
