package io.aide.validation;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * One validation run's private in-memory DuckDB. Sample tables are loaded first, then {@link #lock()} turns
 * off every file system and extension access and freezes the configuration, so the SQL under test can read
 * nothing but the sample. Statements longer than the limit are cancelled by a watchdog, since
 * Thread.interrupt does not stop DuckDB.
 */
public final class DuckDbSandbox implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duckdb-sandbox-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final Pattern EXTENSION_STATEMENT = Pattern.compile("^\\s*(FORCE\\s+)?(INSTALL|LOAD)\\b",
            Pattern.CASE_INSENSITIVE);

    private final DuckDBConnection connection;
    private final SandboxLimits limits;
    private final List<String> tables = new ArrayList<>();
    private boolean locked;

    private DuckDbSandbox(DuckDBConnection connection, SandboxLimits limits) {
        this.connection = connection;
        this.limits = limits;
    }

    public static DuckDbSandbox open(SandboxLimits limits) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbSandbox sandbox = new DuckDbSandbox(c.unwrap(DuckDBConnection.class), limits);
            try (Statement st = c.createStatement()) {
                st.execute("SET memory_limit='" + limits.memoryLimit() + "'");
                st.execute("SET threads=" + limits.threads());
                // spilling would write outside the sandbox; a run that needs more memory fails with sandbox:memory
                st.execute("SET temp_directory=''");
                st.execute("SET autoinstall_known_extensions=false");
                st.execute("SET autoload_known_extensions=false");
            }
            return sandbox;
        } catch (SQLException e) {
            throw new SandboxException("sandbox:open", "Cannot open the DuckDB sandbox: " + e.getMessage(), e);
        }
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Loads a sample table. Only allowed before {@link #lock()}. */
    public void load(SampleTable table) {
        if (locked) {
            throw new IllegalStateException("the sandbox is locked; load samples before lock()");
        }
        String qualified = createSchemaOf(table.name());
        try (Statement st = connection.createStatement()) {
            if (table instanceof SampleTable.CsvFile csv) {
                // CSV is text: every column VARCHAR, as the compiler assumes for sources of unknown type
                String explicit = CsvHeader.readCsvArguments(csv.file());
                try {
                    if (explicit == null) {
                        throw new SQLException("header not readable");
                    }
                    // naming the dialect and columns skips DuckDB's sniffer, which costs ~0.5 s CPU per file
                    st.execute("CREATE OR REPLACE TABLE " + qualified + " AS SELECT * FROM read_csv("
                            + literal(csv.file().toString()) + ", " + explicit + ")");
                } catch (SQLException notPlainCsv) {
                    st.execute("CREATE OR REPLACE TABLE " + qualified + " AS SELECT * FROM read_csv("
                            + literal(csv.file().toString()) + ", header=true, auto_detect=true, all_varchar=true)");
                }
            } else if (table instanceof SampleTable.ParquetFile pq) {
                st.execute("CREATE OR REPLACE TABLE " + qualified + " AS SELECT * FROM read_parquet("
                        + literal(pq.file().toString()) + ")");
            } else {
                loadRows(st, qualified, (SampleTable.Rows) table);
            }
            tables.add(table.name());
        } catch (SQLException e) {
            throw new SandboxException("sample:load", "Cannot load sample table '" + table.name() + "': "
                    + firstLine(e.getMessage()), e);
        }
    }

    private void loadRows(Statement st, String qualified, SampleTable.Rows rows) throws SQLException {
        String staging = "__stage_" + Math.abs(qualified.hashCode());
        StringBuilder create = new StringBuilder("CREATE OR REPLACE TEMP TABLE ").append(staging).append(" (");
        StringBuilder cast = new StringBuilder("CREATE OR REPLACE TABLE ").append(qualified).append(" AS SELECT ");
        for (int i = 0; i < rows.columns().size(); i++) {
            String col = ident(rows.columns().get(i));
            create.append(i == 0 ? "" : ", ").append(col).append(" VARCHAR");
            cast.append(i == 0 ? "" : ", ").append("CAST(").append(col).append(" AS ").append(rows.typeOf(i))
                    .append(") AS ").append(col);
        }
        st.execute(create.append(")").toString());
        try (DuckDBAppender appender = connection.createAppender("temp", "main", staging)) {
            for (List<Object> row : rows.rows()) {
                appender.beginRow();
                for (int i = 0; i < rows.columns().size(); i++) {
                    Object value = i < row.size() ? row.get(i) : null;
                    if (value == null) {
                        appender.appendNull();
                    } else {
                        appender.append(value.toString());
                    }
                }
                appender.endRow();
            }
        }
        st.execute(cast.append(" FROM ").append(staging).toString());
        st.execute("DROP TABLE " + staging);
    }

    private String createSchemaOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return ident(name);
        }
        String schema = name.substring(0, dot);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + ident(schema));
        } catch (SQLException e) {
            throw new SandboxException("sample:load", "Cannot create schema '" + schema + "': " + e.getMessage(), e);
        }
        return ident(schema) + "." + ident(name.substring(dot + 1));
    }

    /**
     * Writes a loaded table to a Parquet file with its DuckDB types, so another engine (Spark) reads the same typed
     * sample. Only allowed before {@link #lock()}.
     */
    public void writeParquet(String table, Path file) {
        if (locked) {
            throw new IllegalStateException("the sandbox is locked; write samples out before lock()");
        }
        try (Statement st = connection.createStatement()) {
            st.execute("COPY (SELECT * FROM " + tableRef(table) + ") TO " + literal(file.toString()) + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw new SandboxException("sample:load", "Cannot write sample table '" + table + "' as Parquet: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Turns off file system and extension access and freezes the configuration. */
    public void lock() {
        try (Statement st = connection.createStatement()) {
            st.execute("SET enable_external_access=false");
            st.execute("SET allow_community_extensions=false");
            st.execute("SET lock_configuration=true");
            locked = true;
        } catch (SQLException e) {
            throw new SandboxException("sandbox:open", "Cannot lock the DuckDB sandbox: " + e.getMessage(), e);
        }
    }

    public boolean isLocked() {
        return locked;
    }

    public List<String> loadedTables() {
        return List.copyOf(tables);
    }

    /** Table name (qualified when not in main) -> column name -> DuckDB type, from the catalog. */
    public Map<String, Map<String, String>> schema() {
        Map<String, Map<String, String>> schema = new LinkedHashMap<>();
        QueryResult r = query("SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() "
                + "WHERE NOT internal AND database_name = current_database() ORDER BY table_name, column_index", -1);
        for (Map<String, Object> row : r.rows()) {
            String table = "main".equals(row.get("schema_name")) ? (String) row.get("table_name")
                    : row.get("schema_name") + "." + row.get("table_name");
            schema.computeIfAbsent(table, t -> new LinkedHashMap<>()).put((String) row.get("column_name"),
                    (String) row.get("data_type"));
        }
        return schema;
    }

    /** Runs a statement under the watchdog, without a result. */
    public void execute(String sql) {
        run(sql, 0, false);
    }

    /** Runs a query under the watchdog and keeps at most {@code maxRows} rows ({@code -1}: all). */
    public QueryResult query(String sql, int maxRows) {
        return run(sql, maxRows, true);
    }

    /** Every row of a query as text (SQL NULL as null), the form the expected-output comparison reads. */
    public QueryResult queryText(String sql) {
        return run(sql, -1, true, true);
    }

    private QueryResult run(String sql, int maxRows, boolean wantRows) {
        return run(sql, maxRows, wantRows, false);
    }

    private QueryResult run(String sql, int maxRows, boolean wantRows, boolean asText) {
        return watched(sql, st -> {
            boolean hasRows = st.execute(sql);
            if (!wantRows || !hasRows) {
                return new QueryResult(List.of(), List.of());
            }
            return read(st.getResultSet(), maxRows, asText);
        });
    }

    /**
     * Runs a query under the watchdog and keeps at most {@code maxRows} rows with each column's DuckDB type;
     * {@link TypedRows#truncated()} tells whether more rows existed.
     */
    public TypedRows queryTyped(String sql, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0");
        }
        return watched(sql, st -> {
            if (!st.execute(sql)) {
                return new TypedRows(List.of(), List.of(), false);
            }
            ResultSet rs = st.getResultSet();
            ResultSetMetaData md = rs.getMetaData();
            List<TypedRows.Column> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new TypedRows.Column(md.getColumnLabel(i), md.getColumnTypeName(i)));
            }
            List<List<Object>> rows = new ArrayList<>();
            boolean more = false;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    more = true;
                    break;
                }
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(jsonFriendly(rs.getObject(i)));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
            return new TypedRows(columns, rows, more);
        });
    }

    private interface StatementWork<T> {
        T apply(Statement statement) throws SQLException;
    }

    private <T> T watched(String sql, StatementWork<T> work) {
        if (!locked) {
            throw new IllegalStateException("lock() the sandbox before running SQL under test");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Statement st = connection.createStatement()) {
            ScheduledFuture<?> cancel = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // the statement finished between the deadline and the cancel
                }
            }, limits.statementTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                return work.apply(st);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            throw classify(sql, e, timedOut.get());
        }
    }

    private static QueryResult read(ResultSet rs, int maxRows, boolean asText) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while ((maxRows < 0 || rows.size() < maxRows) && rs.next()) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = asText ? rs.getString(i + 1) : jsonFriendly(rs.getObject(i + 1));
            }
            rows.add(QueryResult.row(columns, values));
        }
        return new QueryResult(columns, rows);
    }

    static Object jsonFriendly(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof java.math.BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value.toString();
    }

    private SandboxException classify(String sql, SQLException e, boolean timedOut) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = firstLine(msg);
        if (timedOut || e instanceof SQLTimeoutException || msg.contains("INTERRUPT")) {
            return new SandboxException("sandbox:timeout", "The statement ran longer than "
                    + limits.statementTimeout().toMillis() + " ms on the sample and was stopped; look for a recursive "
                    + "CTE without an end condition or a join without a condition (cross join).", e);
        }
        if (msg.contains("Out of Memory")) {
            return new SandboxException("sandbox:memory", "The statement needed more than the sandbox's "
                    + limits.memoryLimit() + " of memory and was stopped; look for a join that multiplies rows or "
                    + "an aggregate over an unbounded range. (" + first + ")", e);
        }
        if (msg.contains("configuration has been locked") || msg.contains("Cannot change configuration")) {
            return new SandboxException("sandbox:config_locked", "The SQL tried to change the sandbox configuration, "
                    + "which is locked during validation. (" + first + ")", e);
        }
        if (EXTENSION_STATEMENT.matcher(sql).find() || msg.toLowerCase(Locale.ROOT).contains("extension")) {
            return new SandboxException("sandbox:extension", "The SQL tried to install or load a DuckDB extension; "
                    + "validation allows only built-in functions. (" + first + ")", e);
        }
        if (msg.contains("Permission Error")) {
            return new SandboxException("sandbox:file_access", "The SQL tried to read or write a file or attach a "
                    + "database; validation may read only the sample tables " + tables + ". (" + first + ")", e);
        }
        if (msg.startsWith("Parser Error")) {
            return new SandboxException("sql:syntax", first, e);
        }
        if (msg.startsWith("Binder Error") || msg.startsWith("Catalog Error")) {
            return new SandboxException("sql:binding", first, e);
        }
        return new SandboxException("sql:runtime", first, e);
    }

    static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }

    /** A quoted identifier. */
    public static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A quoted string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A possibly qualified table name ({@code crm.customers}) as quoted identifiers. */
    public static String tableRef(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? ident(name) : ident(name.substring(0, dot)) + "." + ident(name.substring(dot + 1));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // an in-memory database has nothing to flush
        }
    }
}
