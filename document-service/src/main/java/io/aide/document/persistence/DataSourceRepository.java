package io.aide.document.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** data_sources and schema_snapshots; every read names the tenant. */
@ApplicationScoped
public class DataSourceRepository {
    private static final String COLUMNS = "id, tenant_id, name, kind, jdbc_url, username, password_encrypted,"
            + " object_prefix, files, created_by, created_at, expected_files";

    /**
     * @param passwordEncrypted AES-GCM sealed; never leaves the service
     * @param files             sample tables {name, table, objectKey, size}
     * @param expectedFiles     expected rows {name, target, objectKey, size}; not tables of the data source
     */
    public record DataSourceRecord(String id, String tenantId, String name, String kind, String jdbcUrl, String username,
                                   String passwordEncrypted, String objectPrefix, JsonNode files, String createdBy,
                                   Instant createdAt, JsonNode expectedFiles) {
    }

    public record SnapshotRecord(long id, String dataSourceId, JsonNode snapshot, Instant createdAt) {
    }

    private final Sql sql;

    public DataSourceRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(DataSourceRecord d) {
        sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into data_sources (id, tenant_id, name, kind, jdbc_url,"
                    + " username, password_encrypted, object_prefix, files, created_by, expected_files)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.tenantId());
                ps.setString(3, d.name());
                ps.setString(4, d.kind());
                ps.setString(5, d.jdbcUrl());
                ps.setString(6, d.username());
                ps.setString(7, d.passwordEncrypted());
                ps.setString(8, d.objectPrefix());
                Json.set(ps, 9, d.files());
                ps.setString(10, d.createdBy());
                Json.set(ps, 11, d.expectedFiles());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<DataSourceRecord> find(String tenantId, String id) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from data_sources where tenant_id = ? and id = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<DataSourceRecord> list(String tenantId) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from data_sources where tenant_id = ? order by created_at desc, id desc")) {
                ps.setString(1, tenantId);
                List<DataSourceRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    public SnapshotRecord insertSnapshot(String tenantId, String dataSourceId, Object snapshot) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into schema_snapshots (data_source_id, tenant_id, snapshot)"
                    + " values (?, ?, ?::jsonb) returning id, data_source_id, snapshot, created_at")) {
                ps.setString(1, dataSourceId);
                ps.setString(2, tenantId);
                Json.set(ps, 3, snapshot);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return mapSnapshot(rs);
                }
            }
        });
    }

    public Optional<SnapshotRecord> latestSnapshot(String tenantId, String dataSourceId) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id, data_source_id, snapshot, created_at from schema_snapshots"
                    + " where tenant_id = ? and data_source_id = ? order by id desc limit 1")) {
                ps.setString(1, tenantId);
                ps.setString(2, dataSourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapSnapshot(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The latest snapshot of each of the tenant's data sources. */
    public List<JsonNode> latestSnapshots(String tenantId) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select distinct on (data_source_id) snapshot"
                    + " from schema_snapshots where tenant_id = ? order by data_source_id, id desc")) {
                ps.setString(1, tenantId);
                List<JsonNode> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.get(rs, "snapshot"));
                    }
                }
                return out;
            }
        });
    }

    private static SnapshotRecord mapSnapshot(ResultSet rs) throws SQLException {
        return new SnapshotRecord(rs.getLong("id"), rs.getString("data_source_id"), Json.get(rs, "snapshot"),
                DocumentRepository.instant(rs.getTimestamp("created_at")));
    }

    private static DataSourceRecord map(ResultSet rs) throws SQLException {
        return new DataSourceRecord(rs.getString("id"), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("kind"), rs.getString("jdbc_url"), rs.getString("username"),
                rs.getString("password_encrypted"), rs.getString("object_prefix"), Json.get(rs, "files"),
                rs.getString("created_by"), DocumentRepository.instant(rs.getTimestamp("created_at")),
                Json.get(rs, "expected_files"));
    }
}
