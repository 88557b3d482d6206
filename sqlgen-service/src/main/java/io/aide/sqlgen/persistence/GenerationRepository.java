package io.aide.sqlgen.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.aide.events.spec.GeneratedLayers;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Generations, layers, blocks, block versions, lineage and processed events in schema sqlgen. */
@ApplicationScoped
public class GenerationRepository {
    private static final TypeReference<List<GeneratedLayers.Column>> COLUMNS = new TypeReference<>() {
    };
    private static final String GENERATION_COLUMNS = "id, tenant_id, document_id, spec_version, spec_object_key,"
            + " dialects, requested_targets, targets, status, checkpoint, semantic_layer_name, mapping_file,"
            + " columns_needing_attention, layer_object_key, artifacts, filename, error_code, error_stage,"
            + " error_message, requested_by, correlation_id, validation_deadline, estimated_completion, created_at,"
            + " updated_at, completed_at, data_source_id, compile_millis, compile_stage_millis";

    private final DataSource dataSource;

    public GenerationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- generations

    /** Inserts a new generation; false when the id already exists. */
    public boolean insert(String id, String tenant, String documentId, int specVersion, String specObjectKey,
                          List<String> dialects, List<String> requestedTargets, String requestedBy,
                          String correlationId, String dataSourceId) {
        return update("insert into generations (id, tenant_id, document_id, spec_version, spec_object_key, dialects,"
                        + " requested_targets, status, requested_by, correlation_id, data_source_id)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'pending', ?, ?, ?) on conflict (id) do nothing",
                id, tenant, documentId, specVersion, specObjectKey, Json.write(dialects), Json.write(requestedTargets),
                requestedBy, correlationId, dataSourceId) == 1;
    }

    /** How long the last compile pass took: in the compiler alone, and for the whole stage. */
    public void compileTimings(String id, double compileMillis, double stageMillis) {
        update("update generations set compile_millis = ?, compile_stage_millis = ?, updated_at = now() where id = ?",
                compileMillis, stageMillis, id);
    }

    public Optional<GenerationRecord> find(String id) {
        return queryOne("select " + GENERATION_COLUMNS + " from generations where id = ?", this::generation, id);
    }

    /** The generation when it belongs to the tenant; another tenant's generation is absent. */
    public Optional<GenerationRecord> find(String tenant, String id) {
        return queryOne("select " + GENERATION_COLUMNS + " from generations where id = ? and tenant_id = ?",
                this::generation, id, tenant);
    }

    public List<GenerationRecord> list(String tenant, String documentId) {
        if (documentId == null) {
            return query("select " + GENERATION_COLUMNS + " from generations where tenant_id = ?"
                    + " order by created_at desc limit 500", this::generation, tenant);
        }
        return query("select " + GENERATION_COLUMNS + " from generations where tenant_id = ? and document_id = ?"
                + " order by created_at desc limit 500", this::generation, tenant, documentId);
    }

    /** The most recent generation of a document that has finished compiling at least once. */
    public Optional<GenerationRecord> latestCompiled(String tenant, String documentId) {
        return queryOne("select " + GENERATION_COLUMNS + " from generations where tenant_id = ? and document_id = ?"
                + " and checkpoint > 0 order by created_at desc limit 1", this::generation, tenant, documentId);
    }

    /**
     * Takes ownership of a generation for compiling: allowed from the given statuses, or from
     * {@code generating} when the previous owner's lease has expired. False when someone else runs it.
     */
    public boolean claim(String id, Duration lease, List<String> fromStatuses) {
        return update("update generations set status = 'generating', lease_until = now() + ?::interval,"
                        + " error_code = null, error_stage = null, error_message = null, validation_deadline = null,"
                        + " updated_at = now() where id = ? and (status = any(?)"
                        + " or (status = 'generating' and (lease_until is null or lease_until < now())))",
                interval(lease), id, fromStatuses.toArray(String[]::new)) == 1;
    }

    public void renewLease(String id, Duration lease) {
        update("update generations set lease_until = now() + ?::interval, updated_at = now() where id = ?",
                interval(lease), id);
    }

    public String status(String id) {
        return queryOne("select status from generations where id = ?", rs -> rs.getString(1), id).orElse(null);
    }

    public void describe(String id, int specVersion, String specObjectKey, List<String> targets,
                         String semanticLayerName, String mappingFile) {
        update("update generations set spec_version = ?, spec_object_key = ?, targets = ?::jsonb,"
                        + " semantic_layer_name = ?, mapping_file = ?, updated_at = now() where id = ?",
                specVersion, specObjectKey, Json.write(targets), semanticLayerName, mappingFile, id);
    }

    public void estimate(String id, Instant estimatedCompletion) {
        update("update generations set estimated_completion = ?, updated_at = now() where id = ?",
                ts(estimatedCompletion), id);
    }

    /** Marks a running generation failed; completed layers and blocks stay for a resume. */
    public void fail(String id, String code, String stage, String message) {
        update("update generations set status = 'failed', error_code = ?, error_stage = ?, error_message = ?,"
                + " lease_until = null, updated_at = now() where id = ? and status <> 'cancelled'", code, stage,
                message, id);
    }

    /** The run's checkpoint is written; false when the generation is no longer running (cancelled meanwhile). */
    public boolean markValidating(String id, int checkpoint, String layerObjectKey, Map<String, String> artifacts,
                                  String filename, int columnsNeedingAttention, Instant deadline,
                                  Instant estimatedCompletion) {
        return update("update generations set status = 'validating', checkpoint = ?, layer_object_key = ?,"
                        + " artifacts = ?::jsonb, filename = ?, columns_needing_attention = ?, validation_deadline = ?,"
                        + " lease_until = null, estimated_completion = ?, validation_started_at = now(),"
                        + " updated_at = now() where id = ? and status = 'generating'",
                checkpoint, layerObjectKey, Json.write(artifacts), filename, columnsNeedingAttention, ts(deadline),
                ts(estimatedCompletion), id) == 1;
    }

    /** Completes a generation waiting for validation; false when it was not waiting (already completed). */
    public boolean complete(String id) {
        return update("update generations set status = 'completed', validation_deadline = null, completed_at = now(),"
                + " estimated_completion = null, updated_at = now() where id = ? and status = 'validating'", id) == 1;
    }

    /**
     * The median time a validation took per target, over the tenant's last 20 completed generations (from the request
     * of the checkpoint's validation to completion); empty before the tenant has any.
     */
    public Optional<Duration> typicalValidationPerTarget(String tenant) {
        return queryOne("select percentile_cont(0.5) within group (order by per_target) from (select"
                        + " extract(epoch from (completed_at - validation_started_at)) * 1000"
                        + " / greatest(jsonb_array_length(targets), 1) as per_target from generations"
                        + " where tenant_id = ? and status = 'completed' and validation_started_at is not null"
                        + " and completed_at >= validation_started_at order by completed_at desc limit 20) recent",
                rs -> (Double) rs.getObject(1), tenant).map(ms -> Duration.ofMillis(Math.round(ms)));
    }

    /** What a cancel found: nothing to cancel, a run compiling it (which stops and says so), or no run. */
    public enum Cancel { NOTHING, RUNNING, STOPPED }

    /**
     * Cancels a generation that has not completed. One a run holds keeps the run's lease: the cancel is announced
     * (the stream's error) by the run when it stops, or by the sweeper once the lease runs out without it.
     */
    public Cancel cancel(String id, String reason) {
        return queryOne("with old as (select status, lease_until > now() as held from generations where id = ?"
                        + " for update), running as (select old.status = 'generating' and coalesce(old.held, false)"
                        + " as held from old) update generations g set status = 'cancelled',"
                        + " error_code = 'generation_cancelled', error_stage = 'cancelled', error_message = ?,"
                        + " lease_until = case when running.held then g.lease_until end, validation_deadline = null,"
                        + " updated_at = now() from old, running where g.id = ?"
                        + " and old.status in ('pending', 'generating', 'validating', 'failed') returning running.held",
                rs -> rs.getBoolean(1), id, reason, id)
                .map(running -> running ? Cancel.RUNNING : Cancel.STOPPED).orElse(Cancel.NOTHING);
    }

    /**
     * Takes the announcement of a cancel a run held (its lease still set): true for exactly one caller, the run when
     * it stops, or ({@code onlyExpired}) the sweeper once the lease ran out.
     */
    public boolean takeCancelAnnouncement(String id, boolean onlyExpired) {
        return update("update generations set lease_until = null, updated_at = now() where id = ?"
                + " and status = 'cancelled' and lease_until is not null"
                + (onlyExpired ? " and lease_until < now()" : ""), id) == 1;
    }

    /** Holds the cancel of a generation not stored yet, for its request to apply; a second one changes nothing. */
    public void holdEarlyCancel(String id, String tenant, String reason) {
        update("insert into early_cancels (generation_id, tenant_id, reason) values (?, ?, ?)"
                + " on conflict (generation_id) do nothing", id, tenant, reason);
    }

    /** Takes the held cancel of the tenant's generation: its reason for exactly one caller, else empty. */
    public Optional<String> takeEarlyCancel(String id, String tenant) {
        return queryOne("delete from early_cancels where generation_id = ? and tenant_id = ?"
                + " returning coalesce(reason, '')", rs -> rs.getString(1), id, tenant);
    }

    /** Forgets held cancels whose request never came (it failed before storing the generation). */
    public int forgetEarlyCancels(Duration retention) {
        return update("delete from early_cancels where created_at < now() - ?::interval", interval(retention));
    }

    /** Cancelled generations whose run stopped renewing its lease before announcing the cancel. */
    public List<String> unannouncedCancels() {
        return query("select id from generations where status = 'cancelled' and lease_until < now()"
                + " order by updated_at limit 20", rs -> rs.getString(1));
    }

    public List<String> overdueValidations() {
        return query("select id from generations where status = 'validating' and validation_deadline < now()"
                + " order by validation_deadline limit 100", rs -> rs.getString(1));
    }

    /** Generations whose owner stopped renewing its lease (a crash or restart mid-compile). */
    public List<String> abandoned() {
        return query("select id from generations where status = 'generating'"
                + " and (lease_until is null or lease_until < now()) order by updated_at limit 20", rs -> rs.getString(1));
    }

    // ---- layers

    public void ensureLayer(String id, String target, int position, int rowCount) {
        update("insert into layers (generation_id, target, position, status, row_count) values (?, ?, ?, 'pending', ?)"
                + " on conflict (generation_id, target) do update set position = excluded.position,"
                + " row_count = excluded.row_count", id, target, position, rowCount);
    }

    public void saveLayer(String id, GeneratedLayers.Layer layer, int columnsNeedingAttention, int specVersion) {
        update("update layers set status = 'completed', sql = ?::jsonb, pyspark = ?, columns = ?::jsonb,"
                        + " source_tables = ?::jsonb, key_columns = ?::jsonb, columns_needing_attention = ?,"
                        + " spec_version = ?, updated_at = now() where generation_id = ? and target = ?",
                Json.write(layer.sql()), layer.pyspark(), Json.write(layer.columns()), Json.write(layer.sourceTables()),
                Json.write(layer.keyColumns()), columnsNeedingAttention, specVersion, id, layer.target());
    }

    public void updateLayerSql(String id, String target, Map<String, String> sql) {
        update("update layers set sql = ?::jsonb, updated_at = now() where generation_id = ? and target = ?",
                Json.write(sql), id, target);
    }

    public void layerStatus(String id, String target, String status) {
        update("update layers set status = ?, updated_at = now() where generation_id = ? and target = ?", status, id,
                target);
    }

    public List<LayerRecord> layers(String id) {
        return query("select target, position, status, row_count, sql, pyspark, columns, source_tables, key_columns,"
                + " columns_needing_attention, spec_version, updated_at from layers where generation_id = ?"
                + " order by position", rs -> new LayerRecord(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getInt(4), Json.read(rs.getString(5), Json.STRING_MAP, Map.of()), rs.getString(6),
                Json.read(rs.getString(7), COLUMNS, List.of()), Json.read(rs.getString(8), Json.STRINGS, List.of()),
                Json.read(rs.getString(9), Json.STRINGS, List.of()), rs.getInt(10), (Integer) rs.getObject(11),
                instant(rs.getTimestamp(12))), id);
    }

    // ---- blocks

    public void ensurePendingBlock(String id, String target, String name, int order) {
        update("insert into blocks (generation_id, target, name, block_order, status) values (?, ?, ?, ?, 'pending')"
                + " on conflict do nothing", id, target, name, order);
    }

    /** Drops placeholders the compiler did not produce for a target (e.g. no where_clause). */
    public void removePendingBlocks(String id, String target) {
        update("delete from blocks where generation_id = ? and target = ? and current_version = 0", id, target);
    }

    /** Every block of the generation with its current version, in target then block order. */
    public List<BlockRecord> blocks(String id) {
        return query("select b.target, b.name, b.block_order, b.status, b.current_version, v.sql, v.mapping_refs,"
                + " b.updated_at from blocks b join layers l on l.generation_id = b.generation_id and l.target = b.target"
                + " left join block_versions v on v.generation_id = b.generation_id and v.target = b.target"
                + " and v.name = b.name and v.version = b.current_version where b.generation_id = ? and b.status <> 'removed'"
                + " order by l.position, b.block_order, b.name", rs -> new BlockRecord(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getString(4), rs.getInt(5), Json.read(rs.getString(6), Json.STRING_MAP, Map.of()),
                Json.read(rs.getString(7), Json.STRINGS, List.of()), instant(rs.getTimestamp(8))), id);
    }

    public void markBlockRemoved(String id, String target, String name) {
        update("update blocks set status = 'removed', updated_at = now() where generation_id = ? and target = ?"
                + " and name = ?", id, target, name);
    }

    /** Stores a new version of a block and makes it current; returns the version number. */
    public int saveBlockVersion(String id, String target, String name, int order, Map<String, String> sql,
                                List<String> mappingRefs, String status, String origin, String createdBy,
                                int checkpoint) {
        return inTransaction(c -> {
            int version;
            try (PreparedStatement upsert = c.prepareStatement("insert into blocks (generation_id, target, name,"
                    + " block_order, status, current_version) values (?, ?, ?, ?, ?, 1) on conflict (generation_id,"
                    + " target, name) do update set current_version = blocks.current_version + 1,"
                    + " block_order = excluded.block_order, status = excluded.status, updated_at = now()"
                    + " returning current_version")) {
                bind(upsert, id, target, name, order, status);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into block_versions (generation_id, target,"
                    + " name, version, sql, mapping_refs, status, origin, created_by, checkpoint)"
                    + " values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
                bind(insert, id, target, name, version, Json.write(sql), Json.write(mappingRefs), status, origin,
                        createdBy, checkpoint);
                insert.executeUpdate();
            }
            return version;
        });
    }

    public List<BlockVersionRecord> blockVersions(String id, String target, String name) {
        return query("select version, sql, mapping_refs, status, origin, created_by, checkpoint, created_at"
                + " from block_versions where generation_id = ? and target = ? and name = ? order by version",
                rs -> new BlockVersionRecord(rs.getInt(1), Json.read(rs.getString(2), Json.STRING_MAP, Map.of()),
                        Json.read(rs.getString(3), Json.STRINGS, List.of()), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8))), id, target, name);
    }

    public int versionCount(String id) {
        return queryOne("select count(*) from block_versions where generation_id = ?", rs -> rs.getInt(1), id)
                .orElse(0);
    }

    // ---- lineage

    public void replaceLineage(String id, String target, List<GeneratedLayers.Column> columns) {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from column_lineage where generation_id = ? and target = ?")) {
                bind(delete, id, target);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into column_lineage (generation_id, target,"
                    + " column_name, position, column_type, mapping_ref, status, reason, source_columns)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing")) {
                int position = 0;
                for (GeneratedLayers.Column column : columns) {
                    bind(insert, id, target, column.name(), position++, column.type(), column.mappingRef(),
                            column.status() == null ? "compiled" : column.status(), column.reason(),
                            Json.write(column.sources()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Lineage rows of a generation: target, column, type, mapping ref, status, reason, sources. */
    public List<LineageRecord> lineage(String id) {
        return query("select c.target, c.column_name, c.column_type, c.mapping_ref, c.status, c.reason,"
                + " c.source_columns from column_lineage c join layers l on l.generation_id = c.generation_id"
                + " and l.target = c.target where c.generation_id = ? order by l.position, c.position",
                rs -> new LineageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Json.read(rs.getString(7), Json.STRINGS, List.of())), id);
    }

    public record LineageRecord(String target, String column, String type, String mappingRef, String status,
                                String reason, List<String> sources) {
    }

    // ---- processed events

    public boolean isProcessed(String eventId) {
        return queryOne("select 1 from processed_events where event_id = ?", rs -> 1, eventId).isPresent();
    }

    /** Forgets processed events older than the retention; redeliveries come within minutes, not days. */
    public int forgetProcessed(Duration retention) {
        return update("delete from processed_events where processed_at < now() - ?::interval", interval(retention));
    }

    public void markProcessed(String eventId, String type) {
        update("insert into processed_events (event_id, event_type) values (?, ?) on conflict do nothing", eventId,
                type);
    }

    // ---- plumbing

    private GenerationRecord generation(ResultSet rs) throws SQLException {
        return new GenerationRecord(rs.getString("id"), rs.getString("tenant_id"), rs.getString("document_id"),
                rs.getInt("spec_version"), rs.getString("spec_object_key"),
                Json.read(rs.getString("dialects"), Json.STRINGS, List.of()),
                Json.read(rs.getString("requested_targets"), Json.STRINGS, List.of()),
                Json.read(rs.getString("targets"), Json.STRINGS, List.of()), rs.getString("status"),
                rs.getInt("checkpoint"), rs.getString("semantic_layer_name"), rs.getString("mapping_file"),
                rs.getInt("columns_needing_attention"), rs.getString("layer_object_key"),
                Json.read(rs.getString("artifacts"), Json.STRING_MAP, Map.of()), rs.getString("filename"),
                rs.getString("error_code"), rs.getString("error_stage"), rs.getString("error_message"),
                rs.getString("requested_by"), rs.getString("correlation_id"),
                instant(rs.getTimestamp("validation_deadline")), instant(rs.getTimestamp("estimated_completion")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("completed_at")), rs.getString("data_source_id"),
                (Double) rs.getObject("compile_millis"), (Double) rs.getObject("compile_stage_millis"));
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static String interval(Duration d) {
        return d.toMillis() + " milliseconds";
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** A database failure; retried by redelivery, never shown to a client. */
    public static class PersistenceException extends RuntimeException {
        public PersistenceException(SQLException cause) {
            super("database error: " + cause.getMessage(), cause);
        }
    }
}
