package io.aide.validator.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aide.events.EventJson;
import io.aide.events.v1.ValidationReported;
import io.aide.validator.service.ValidatorException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validation runs and their check results, per generation and checkpoint (schema {@code validation}). */
@ApplicationScoped
public class ValidationRepository {
    private final DataSource dataSource;

    public ValidationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records an envelope as handled; false when it was handled before. */
    public boolean markProcessed(String eventId) {
        return update("INSERT INTO processed_events (event_id) VALUES (?) ON CONFLICT DO NOTHING", eventId) == 1;
    }

    public void startRun(String validationId, String tenantId, String generationId, String documentId, int checkpoint,
                         String requestJson, String correlationId) {
        update("INSERT INTO validation_runs (validation_id, tenant_id, generation_id, document_id, checkpoint, status, "
                        + "request, correlation_id) VALUES (?, ?, ?, ?, ?, 'running', CAST(? AS jsonb), ?)",
                validationId, tenantId, generationId, documentId, checkpoint, requestJson, correlationId);
    }

    public void addResult(String validationId, String tenantId, String generationId, int checkpoint,
                          ValidationReported r, String code, Map<String, Integer> blockVersions, long durationMs) {
        update("INSERT INTO validation_results (validation_id, idx, tenant_id, generation_id, checkpoint, check_name, "
                        + "status, target, column_name, dialect, code, message, blocks, mapping_refs, block_versions, "
                        + "failing_count, checked_count, examples, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, CAST(? AS jsonb), ?) "
                        + "ON CONFLICT (validation_id, idx) DO NOTHING",
                validationId, r.index(), tenantId, generationId, checkpoint, r.check(), r.status(), r.target(),
                r.column(), r.dialect(), code, r.message(), EventJson.toJson(r.blocks()), EventJson.toJson(r.mappingRefs()),
                EventJson.toJson(blockVersions), r.failingCount(), r.checkedCount(), EventJson.toJson(r.examples()),
                durationMs);
    }

    public void finishRun(String validationId, String status, int total, Map<String, Long> counts, String message) {
        update("UPDATE validation_runs SET status = ?, total_checks = ?, counts = CAST(? AS jsonb), message = ?, "
                + "finished_at = now() WHERE validation_id = ?", status, total, EventJson.toJson(counts), message, validationId);
    }

    /** The latest run of a generation for a tenant, with its results in report order. */
    public Optional<RunView> latest(String tenantId, String generationId) {
        List<RunView> runs = query("SELECT validation_id, generation_id, document_id, checkpoint, status, total_checks, "
                        + "counts, message, started_at, finished_at FROM validation_runs WHERE tenant_id = ? AND "
                        + "generation_id = ? ORDER BY started_at DESC LIMIT 1",
                rs -> new RunView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getInt(6), readMap(rs.getString(7)), rs.getString(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), List.of()), tenantId, generationId);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        RunView run = runs.get(0);
        List<ResultView> results = query("SELECT idx, check_name, status, target, column_name, dialect, code, message, "
                        + "blocks, mapping_refs, block_versions, failing_count, checked_count, examples, duration_ms "
                        + "FROM validation_results WHERE validation_id = ? ORDER BY idx",
                rs -> new ResultView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), readList(rs.getString(9)),
                        readList(rs.getString(10)), readMap(rs.getString(11)), rs.getLong(12), rs.getLong(13),
                        readRows(rs.getString(14)), rs.getLong(15)), run.validationId());
        return Optional.of(run.withResults(results));
    }

    /** The request of the latest run of a generation for a tenant, for a re-run. */
    public Optional<String> latestRequest(String tenantId, String generationId) {
        return query("SELECT request::text FROM validation_runs WHERE tenant_id = ? AND generation_id = ? "
                + "ORDER BY started_at DESC LIMIT 1", rs -> rs.getString(1), tenantId, generationId).stream().findFirst();
    }

    public record RunView(String validationId, String generationId, String documentId, int checkpoint, String status,
                          int totalChecks, Map<String, Object> counts, String message, Instant startedAt,
                          Instant finishedAt, List<ResultView> results) {
        RunView withResults(List<ResultView> r) {
            return new RunView(validationId, generationId, documentId, checkpoint, status, totalChecks, counts, message,
                    startedAt, finishedAt, r);
        }
    }

    public record ResultView(int index, String check, String status, String target, String column, String dialect,
                             String code, String message, List<Object> blocks, List<Object> mappingRefs,
                             Map<String, Object> blockVersions, long failingCount, long checkedCount,
                             List<Map<String, Object>> examples, long durationMs) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Map<String, Object> readMap(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<>() { });
    }

    private static List<Object> readList(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() { });
    }

    private static List<Map<String, Object>> readRows(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is not readable: " + e.getMessage(), e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw ValidatorException.unavailable("database", "The validation store is not reachable: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw ValidatorException.unavailable("database", "The validation store is not reachable: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
