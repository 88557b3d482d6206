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

    /** A generation's row: ids are scoped per tenant (parameters: tenant, id). */
    private static final String WHERE_KEY = " where tenant_id = ? and id = ?";
    /** The rows of one generation in a child table (parameters: tenant, generation id). */
    private static final String WHERE_CHILD = " where tenant_id = ? and generation_id = ?";

    private final DataSource dataSource;

    public GenerationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- generations

    /** Inserts a new generation; false when the tenant already has one with this id. */
    public boolean insert(GenerationKey key, String documentId, int specVersion, String specObjectKey,
                          List<String> dialects, List<String> requestedTargets, String requestedBy,
                          String correlationId, String dataSourceId) {
        return update("insert into generations (id, tenant_id, document_id, spec_version, spec_object_key, dialects,"
                        + " requested_targets, status, requested_by, correlation_id, data_source_id)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'pending', ?, ?, ?) on conflict (tenant_id, id) do nothing",
                key.id(), key.tenant(), documentId, specVersion, specObjectKey, Json.write(dialects), Json.write(requestedTargets),
                requestedBy, correlationId, dataSourceId) == 1;
    }

    /** How long the last compile pass took: in the compiler alone, and for the whole stage. */
    public void compileTimings(GenerationKey key, double compileMillis, double stageMillis) {
        update("update generations set compile_millis = ?, compile_stage_millis = ?, updated_at = now()" + WHERE_KEY,
                compileMillis, stageMillis, key.tenant(), key.id());
    }

    /** The tenant's generation of that id; another tenant's generation of the same id is another generation. */
    public Optional<GenerationRecord> find(GenerationKey key) {
        return queryOne("select " + GENERATION_COLUMNS + " from generations" + WHERE_KEY, this::generation,
                key.tenant(), key.id());
    }

    public Optional<GenerationRecord> find(String tenant, String id) {
        return find(new GenerationKey(tenant, id));
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
    public boolean claim(GenerationKey key, Duration lease, List<String> fromStatuses) {
        return update("update generations set status = 'generating', lease_until = now() + ?::interval,"
                        + " error_code = null, error_stage = null, error_message = null, validation_deadline = null,"
                        + " updated_at = now()" + WHERE_KEY + " and (status = any(?)"
                        + " or (status = 'generating' and (lease_until is null or lease_until < now())))",
                interval(lease), key.tenant(), key.id(), fromStatuses.toArray(String[]::new)) == 1;
    }

    public void renewLease(GenerationKey key, Duration lease) {
        update("update generations set lease_until = now() + ?::interval, updated_at = now()" + WHERE_KEY,
                interval(lease), key.tenant(), key.id());
    }

    public String status(GenerationKey key) {
        return queryOne("select status from generations" + WHERE_KEY, rs -> rs.getString(1), key.tenant(), key.id())
                .orElse(null);
    }

    public void describe(GenerationKey key, int specVersion, String specObjectKey, List<String> targets,
                         String semanticLayerName, String mappingFile) {
        update("update generations set spec_version = ?, spec_object_key = ?, targets = ?::jsonb,"
                        + " semantic_layer_name = ?, mapping_file = ?, updated_at = now()" + WHERE_KEY,
                specVersion, specObjectKey, Json.write(targets), semanticLayerName, mappingFile, key.tenant(), key.id());
    }

    public void estimate(GenerationKey key, Instant estimatedCompletion) {
        update("update generations set estimated_completion = ?, updated_at = now()" + WHERE_KEY,
                ts(estimatedCompletion), key.tenant(), key.id());
    }

    /** Marks a running generation failed; completed layers and blocks stay for a resume. */
    public void fail(GenerationKey key, String code, String stage, String message) {
        update("update generations set status = 'failed', error_code = ?, error_stage = ?, error_message = ?,"
                + " lease_until = null, updated_at = now()" + WHERE_KEY + " and status <> 'cancelled'", code, stage,
                message, key.tenant(), key.id());
    }

    /** The run's checkpoint is written; false when the generation is no longer running (cancelled meanwhile). */
    public boolean markValidating(GenerationKey key, int checkpoint, String layerObjectKey, Map<String, String> artifacts,
                                  String filename, int columnsNeedingAttention, Instant deadline,
                                  Instant estimatedCompletion) {
        return update("update generations set status = 'validating', checkpoint = ?, layer_object_key = ?,"
                        + " artifacts = ?::jsonb, filename = ?, columns_needing_attention = ?, validation_deadline = ?,"
                        + " lease_until = null, estimated_completion = ?, validation_started_at = now(),"
                        + " updated_at = now()" + WHERE_KEY + " and status = 'generating'",
                checkpoint, layerObjectKey, Json.write(artifacts), filename, columnsNeedingAttention, ts(deadline),
                ts(estimatedCompletion), key.tenant(), key.id()) == 1;
    }

    /** Completes a generation waiting for validation; false when it was not waiting (already completed). */
    public boolean complete(GenerationKey key) {
        return update("update generations set status = 'completed', validation_deadline = null, completed_at = now(),"
                + " estimated_completion = null, updated_at = now()" + WHERE_KEY + " and status = 'validating'",
                key.tenant(), key.id()) == 1;
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
    public Cancel cancel(GenerationKey key, String reason) {
        return queryOne("with old as (select status, lease_until > now() as held from generations" + WHERE_KEY
                        + " for update), running as (select old.status = 'generating' and coalesce(old.held, false)"
                        + " as held from old) update generations g set status = 'cancelled',"
                        + " error_code = 'generation_cancelled', error_stage = 'cancelled', error_message = ?,"
                        + " lease_until = case when running.held then g.lease_until end, validation_deadline = null,"
                        + " updated_at = now() from old, running where g.tenant_id = ? and g.id = ?"
                        + " and old.status in ('pending', 'generating', 'validating', 'failed') returning running.held",
                rs -> rs.getBoolean(1), key.tenant(), key.id(), reason, key.tenant(), key.id())
                .map(running -> running ? Cancel.RUNNING : Cancel.STOPPED).orElse(Cancel.NOTHING);
    }

    /**
     * Takes the announcement of a cancel a run held (its lease still set): true for exactly one caller, the run when
     * it stops, or ({@code onlyExpired}) the sweeper once the lease ran out.
     */
    public boolean takeCancelAnnouncement(GenerationKey key, boolean onlyExpired) {
        return update("update generations set lease_until = null, updated_at = now()" + WHERE_KEY
                + " and status = 'cancelled' and lease_until is not null"
                + (onlyExpired ? " and lease_until < now()" : ""), key.tenant(), key.id()) == 1;
    }

    /** Holds the cancel of a generation not stored yet, for its request to apply; a second one changes nothing. */
    public void holdEarlyCancel(GenerationKey key, String reason) {
        update("insert into early_cancels (generation_id, tenant_id, reason) values (?, ?, ?)"
                + " on conflict (tenant_id, generation_id) do nothing", key.id(), key.tenant(), reason);
    }

    /** Takes the held cancel of the tenant's generation: its reason for exactly one caller, else empty. */
    public Optional<String> takeEarlyCancel(GenerationKey key) {
        return queryOne("delete from early_cancels where generation_id = ? and tenant_id = ?"
                + " returning coalesce(reason, '')", rs -> rs.getString(1), key.id(), key.tenant());
    }

    /** Forgets held cancels whose request never came (it failed before storing the generation). */
    public int forgetEarlyCancels(Duration retention) {
        return update("delete from early_cancels where created_at < now() - ?::interval", interval(retention));
    }

    /** Cancelled generations whose run stopped renewing its lease before announcing the cancel. */
    public List<GenerationKey> unannouncedCancels() {
        return query("select tenant_id, id from generations where status = 'cancelled' and lease_until < now()"
                + " order by updated_at limit 20", GenerationRepository::key);
    }

    public List<GenerationKey> overdueValidations() {
        return query("select tenant_id, id from generations where status = 'validating'"
                + " and validation_deadline < now() order by validation_deadline limit 100", GenerationRepository::key);
    }

    /** Generations whose owner stopped renewing its lease (a crash or restart mid-compile). */
    public List<GenerationKey> abandoned() {
        return query("select tenant_id, id from generations where status = 'generating'"
                + " and (lease_until is null or lease_until < now()) order by updated_at limit 20",
                GenerationRepository::key);
    }

    // ---- layers

    public void ensureLayer(GenerationKey key, String target, int position, int rowCount) {
        update("insert into layers (tenant_id, generation_id, target, position, status, row_count)"
                + " values (?, ?, ?, ?, 'pending', ?) on conflict (tenant_id, generation_id, target) do update"
                + " set position = excluded.position, row_count = excluded.row_count", key.tenant(), key.id(), target,
                position, rowCount);
    }

    public void saveLayer(GenerationKey key, GeneratedLayers.Layer layer, int columnsNeedingAttention, int specVersion) {
        update("update layers set status = 'completed', sql = ?::jsonb, pyspark = ?, columns = ?::jsonb,"
                        + " source_tables = ?::jsonb, key_columns = ?::jsonb, columns_needing_attention = ?,"
                        + " spec_version = ?, updated_at = now()" + WHERE_CHILD + " and target = ?",
                Json.write(layer.sql()), layer.pyspark(), Json.write(layer.columns()), Json.write(layer.sourceTables()),
                Json.write(layer.keyColumns()), columnsNeedingAttention, specVersion, key.tenant(), key.id(),
                layer.target());
    }

    public void updateLayerSql(GenerationKey key, String target, Map<String, String> sql) {
        update("update layers set sql = ?::jsonb, updated_at = now()" + WHERE_CHILD + " and target = ?",
                Json.write(sql), key.tenant(), key.id(), target);
    }

    public void layerStatus(GenerationKey key, String target, String status) {
        update("update layers set status = ?, updated_at = now()" + WHERE_CHILD + " and target = ?", status,
                key.tenant(), key.id(), target);
    }

    public List<LayerRecord> layers(GenerationKey key) {
        return query("select target, position, status, row_count, sql, pyspark, columns, source_tables, key_columns,"
                + " columns_needing_attention, spec_version, updated_at from layers" + WHERE_CHILD
                + " order by position", rs -> new LayerRecord(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getInt(4), Json.read(rs.getString(5), Json.STRING_MAP, Map.of()), rs.getString(6),
                Json.read(rs.getString(7), COLUMNS, List.of()), Json.read(rs.getString(8), Json.STRINGS, List.of()),
                Json.read(rs.getString(9), Json.STRINGS, List.of()), rs.getInt(10), (Integer) rs.getObject(11),
                instant(rs.getTimestamp(12))), key.tenant(), key.id());
    }

    // ---- blocks

    public void ensurePendingBlock(GenerationKey key, String target, String name, int order) {
        update("insert into blocks (tenant_id, generation_id, target, name, block_order, status)"
                + " values (?, ?, ?, ?, ?, 'pending') on conflict do nothing", key.tenant(), key.id(), target, name,
                order);
    }

    /** Drops placeholders the compiler did not produce for a target (e.g. no where_clause). */
    public void removePendingBlocks(GenerationKey key, String target) {
        update("delete from blocks" + WHERE_CHILD + " and target = ? and current_version = 0", key.tenant(), key.id(),
                target);
    }

    /** Every block of the generation with its current version, in target then block order. */
    public List<BlockRecord> blocks(GenerationKey key) {
        return query("select b.target, b.name, b.block_order, b.status, b.current_version, v.sql, v.mapping_refs,"
                + " b.updated_at from blocks b join layers l on l.tenant_id = b.tenant_id"
                + " and l.generation_id = b.generation_id and l.target = b.target"
                + " left join block_versions v on v.tenant_id = b.tenant_id and v.generation_id = b.generation_id"
                + " and v.target = b.target and v.name = b.name and v.version = b.current_version"
                + " where b.tenant_id = ? and b.generation_id = ? and b.status <> 'removed'"
                + " order by l.position, b.block_order, b.name", rs -> new BlockRecord(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getString(4), rs.getInt(5), Json.read(rs.getString(6), Json.STRING_MAP, Map.of()),
                Json.read(rs.getString(7), Json.STRINGS, List.of()), instant(rs.getTimestamp(8))), key.tenant(),
                key.id());
    }

    public void markBlockRemoved(GenerationKey key, String target, String name) {
        update("update blocks set status = 'removed', updated_at = now()" + WHERE_CHILD + " and target = ?"
                + " and name = ?", key.tenant(), key.id(), target, name);
    }

    /** Stores a new version of a block and makes it current; returns the version number. */
    public int saveBlockVersion(GenerationKey key, String target, String name, int order, Map<String, String> sql,
                                List<String> mappingRefs, String status, String origin, String createdBy,
                                int checkpoint) {
        return inTransaction(c -> {
            int version;
            try (PreparedStatement upsert = c.prepareStatement("insert into blocks (tenant_id, generation_id, target,"
                    + " name, block_order, status, current_version) values (?, ?, ?, ?, ?, ?, 1) on conflict (tenant_id,"
                    + " generation_id, target, name) do update set current_version = blocks.current_version + 1,"
                    + " block_order = excluded.block_order, status = excluded.status, updated_at = now()"
                    + " returning current_version")) {
                bind(upsert, key.tenant(), key.id(), target, name, order, status);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into block_versions (tenant_id, generation_id,"
                    + " target, name, version, sql, mapping_refs, status, origin, created_by, checkpoint)"
                    + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
                bind(insert, key.tenant(), key.id(), target, name, version, Json.write(sql), Json.write(mappingRefs), status, origin,
                        createdBy, checkpoint);
                insert.executeUpdate();
            }
            return version;
        });
    }

    public List<BlockVersionRecord> blockVersions(GenerationKey key, String target, String name) {
        return query("select version, sql, mapping_refs, status, origin, created_by, checkpoint, created_at"
                + " from block_versions" + WHERE_CHILD + " and target = ? and name = ? order by version",
                rs -> new BlockVersionRecord(rs.getInt(1), Json.read(rs.getString(2), Json.STRING_MAP, Map.of()),
                        Json.read(rs.getString(3), Json.STRINGS, List.of()), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8))), key.tenant(), key.id(), target, name);
    }

    public int versionCount(GenerationKey key) {
        return queryOne("select count(*) from block_versions" + WHERE_CHILD, rs -> rs.getInt(1), key.tenant(),
                key.id()).orElse(0);
    }

    // ---- lineage

    public void replaceLineage(GenerationKey key, String target, List<GeneratedLayers.Column> columns) {
        inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("delete from column_lineage" + WHERE_CHILD
                    + " and target = ?")) {
                bind(delete, key.tenant(), key.id(), target);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into column_lineage (tenant_id, generation_id,"
                    + " target, column_name, position, column_type, mapping_ref, status, reason, source_columns)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing")) {
                int position = 0;
                for (GeneratedLayers.Column column : columns) {
                    bind(insert, key.tenant(), key.id(), target, column.name(), position++, column.type(), column.mappingRef(),
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
    public List<LineageRecord> lineage(GenerationKey key) {
        return query("select c.target, c.column_name, c.column_type, c.mapping_ref, c.status, c.reason,"
                + " c.source_columns from column_lineage c join layers l on l.tenant_id = c.tenant_id"
                + " and l.generation_id = c.generation_id and l.target = c.target"
                + " where c.tenant_id = ? and c.generation_id = ? order by l.position, c.position",
                rs -> new LineageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Json.read(rs.getString(7), Json.STRINGS, List.of())), key.tenant(),
                key.id());
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

    private static GenerationKey key(ResultSet rs) throws SQLException {
        return new GenerationKey(rs.getString("tenant_id"), rs.getString("id"));
    }

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
