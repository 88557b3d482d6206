package io.aide.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Parses a layer's SQL per dialect: DuckDB's own parser ({@code json_serialize_sql}) for duckdb, JSqlParser's
 * generic grammar for the others. Only a single SELECT (optionally WITH ...) is accepted.
 */
public final class SyntaxChecker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A syntax error at a 0-based character offset of the SQL (-1 when unknown). */
    public record SyntaxError(String message, int offset) {
    }

    private final Connection parserConnection;

    public SyntaxChecker() {
        try {
            // a parser-only database: no tables, no file access, so parsing untrusted SQL reads nothing
            parserConnection = DriverManager.getConnection("jdbc:duckdb:");
            try (var st = parserConnection.createStatement()) {
                st.execute("SET enable_external_access=false");
                st.execute("SET lock_configuration=true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB for parsing: " + e.getMessage(), e);
        }
    }

    public Optional<SyntaxError> check(String dialect, String sql) {
        return "duckdb".equalsIgnoreCase(dialect) ? duckdb(sql) : generic(sql);
    }

    public synchronized Optional<SyntaxError> duckdb(String sql) {
        // json_serialize_sql takes only a constant; the parser database holds nothing and reads no files
        try (PreparedStatement ps = parserConnection.prepareStatement("SELECT json_serialize_sql("
                + DuckDbSandbox.literal(sql) + ")")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                JsonNode json = JSON.readTree(rs.getString(1));
                if (json.path("error").asBoolean(false)) {
                    String message = json.path("error_message").asText("syntax error");
                    if (message.contains("Only SELECT statements")) {
                        message = "only a single SELECT statement is allowed in a layer";
                    }
                    return Optional.of(new SyntaxError(message, json.path("position").asInt(-1)));
                }
                if (json.path("statements").size() != 1) {
                    return Optional.of(new SyntaxError("only a single SELECT statement is allowed in a layer, found "
                            + json.path("statements").size(), -1));
                }
                return Optional.empty();
            }
        } catch (SQLException | java.io.IOException e) {
            return Optional.of(new SyntaxError(DuckDbSandbox.firstLine(e.getMessage()), -1));
        }
    }

    public Optional<SyntaxError> generic(String sql) {
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(stripTrailingSemicolon(sql),
                    parser -> parser.withTimeOut(5000));
            if (statements.size() != 1 || !(statements.get(0) instanceof Select)) {
                return Optional.of(new SyntaxError("only a single SELECT statement is allowed in a layer", -1));
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(describe(sql, e));
        }
    }

    private static SyntaxError describe(String sql, Exception e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ParseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ParseException pe && pe.currentToken != null) {
            Token at = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
            int offset = offsetOf(sql, at.beginLine, at.beginColumn);
            return new SyntaxError("syntax error at line " + at.beginLine + ", column " + at.beginColumn
                    + " near \"" + at.image + "\"", offset);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : DuckDbSandbox.firstLine(e.getMessage());
        return new SyntaxError(message, -1);
    }

    static int offsetOf(String sql, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = sql.indexOf('\n', offset);
            if (nl < 0) {
                return -1;
            }
            offset = nl + 1;
        }
        return Math.min(sql.length(), offset + Math.max(0, column - 1));
    }

    static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    @Override
    public void close() {
        try {
            parserConnection.close();
        } catch (SQLException ignored) {
            // in-memory
        }
    }
}
