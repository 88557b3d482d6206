package io.aide.document.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** documents, spec_versions and processed_events; every read names the tenant. */
@ApplicationScoped
public class DocumentRepository {
    private static final String COLUMNS = "id, tenant_id, project_id, file_name, content_type, size_bytes, raw_object_key,"
            + " status, error_code, error_message, spec_version, rows_found, targets, header_mapping, diagnostics, sheets,"
            + " header_overrides, uploaded_by, created_at, updated_at, reference_files";

    private final Sql sql;

    public DocumentRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(DocumentRecord d) {
        sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into documents (id, tenant_id, project_id, file_name,"
                    + " content_type, size_bytes, raw_object_key, status, header_overrides, uploaded_by, reference_files)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.tenantId());
                ps.setString(3, d.projectId());
                ps.setString(4, d.fileName());
                ps.setString(5, d.contentType());
                ps.setLong(6, d.sizeBytes());
                ps.setString(7, d.rawObjectKey());
                ps.setString(8, d.status());
                Json.set(ps, 9, d.headerOverrides());
                ps.setString(10, d.uploadedBy());
                Json.set(ps, 11, d.referenceFiles().isEmpty() ? null : d.referenceFiles());
                return ps.executeUpdate();
            }
        });
    }

    /** Undoes an insert whose files could not be stored; the document never became visible as stored. */
    public void delete(String tenantId, String id) {
        sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from documents where tenant_id = ? and id = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Whether {@code tenantId} has a document {@code id} (ids are scoped per tenant; other tenants' do not count). */
    public boolean exists(String tenantId, String id) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from documents where tenant_id = ? and id = ?")) {
                ps.setString(1, tenantId);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public Optional<DocumentRecord> find(String tenantId, String id) {
        return sql.query(c -> find(c, tenantId, id, false));
    }

    /** Locks the document row until the transaction ends: edits and parses of one document run one at a time. */
    public Optional<DocumentRecord> lock(Connection c, String tenantId, String id) throws SQLException {
        return find(c, tenantId, id, true);
    }

    public Optional<DocumentRecord> find(Connection c, String tenantId, String id) throws SQLException {
        return find(c, tenantId, id, false);
    }

    private Optional<DocumentRecord> find(Connection c, String tenantId, String id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from documents where tenant_id = ? and id = ?"
                + (forUpdate ? " for update" : ""))) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<DocumentRecord> list(String tenantId, String projectId, int limit) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from documents where tenant_id = ?"
                    + (projectId == null ? "" : " and project_id = ?") + " order by created_at desc, id desc limit ?")) {
                int i = 1;
                ps.setString(i++, tenantId);
                if (projectId != null) {
                    ps.setString(i++, projectId);
                }
                ps.setInt(i, limit);
                List<DocumentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    public void markParsing(Connection c, String tenantId, String id, JsonNode headerOverrides) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update documents set status = 'parsing', error_code = null,"
                + " error_message = null, header_overrides = ?::jsonb, updated_at = now() where tenant_id = ? and id = ?")) {
            Json.set(ps, 1, headerOverrides);
            ps.setString(2, tenantId);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    public void markFailed(Connection c, String tenantId, String id, String code, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update documents set status = 'failed', error_code = ?,"
                + " error_message = ?, updated_at = now() where tenant_id = ? and id = ?")) {
            ps.setString(1, code);
            ps.setString(2, message);
            ps.setString(3, tenantId);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /** Points the document at a new latest version and refreshes its summary. */
    public void updateSummary(Connection c, String tenantId, String id, int version, int rowsFound, Object targets, Object headerMapping,
                              Object diagnostics, Object sheets) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update documents set status = 'parsed', error_code = null,"
                + " error_message = null, spec_version = ?, rows_found = ?, targets = ?::jsonb, header_mapping = ?::jsonb,"
                + " diagnostics = ?::jsonb, sheets = ?::jsonb, updated_at = now() where tenant_id = ? and id = ?")) {
            ps.setInt(1, version);
            ps.setInt(2, rowsFound);
            Json.set(ps, 3, targets);
            Json.set(ps, 4, headerMapping);
            Json.set(ps, 5, diagnostics);
            Json.set(ps, 6, sheets);
            ps.setString(7, tenantId);
            ps.setString(8, id);
            ps.executeUpdate();
        }
    }

    public int latestVersion(Connection c, String tenantId, String documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(version), 0) from spec_versions"
                + " where tenant_id = ? and document_id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void insertVersion(Connection c, String tenantId, String documentId, int version, Object spec, String objectKey,
                              String reason, Object changedRows, String createdBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into spec_versions (document_id, version, tenant_id, spec,"
                + " object_key, reason, changed_rows, created_by) values (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?)")) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            ps.setString(3, tenantId);
            Json.set(ps, 4, spec);
            ps.setString(5, objectKey);
            ps.setString(6, reason);
            Json.set(ps, 7, changedRows);
            ps.setString(8, createdBy);
            ps.executeUpdate();
        }
    }

    /** The spec of {@code version}, or of the latest version when null. */
    public Optional<SpecVersionRecord> version(String tenantId, String documentId, Integer version) {
        return sql.query(c -> version(c, tenantId, documentId, version));
    }

    public Optional<SpecVersionRecord> version(Connection c, String tenantId, String documentId, Integer version)
            throws SQLException {
        String where = version == null ? " order by version desc limit 1" : " and version = ?";
        try (PreparedStatement ps = c.prepareStatement("select document_id, version, object_key, reason, changed_rows,"
                + " created_by, created_at, spec from spec_versions where tenant_id = ? and document_id = ?" + where)) {
            ps.setString(1, tenantId);
            ps.setString(2, documentId);
            if (version != null) {
                ps.setInt(3, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapVersion(rs, true)) : Optional.empty();
            }
        }
    }

    public List<SpecVersionRecord> versions(String tenantId, String documentId) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select document_id, version, object_key, reason, changed_rows,"
                    + " created_by, created_at from spec_versions where tenant_id = ? and document_id = ? order by version")) {
                ps.setString(1, tenantId);
                ps.setString(2, documentId);
                List<SpecVersionRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapVersion(rs, false));
                    }
                }
                return out;
            }
        });
    }

    public boolean isProcessed(String eventId) {
        return sql.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from processed_events where event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Records the event as handled; false when it already was (a redelivery). */
    public boolean markProcessed(Connection c, String eventId, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into processed_events (event_id, event_type) values (?, ?)"
                + " on conflict (event_id) do nothing")) {
            ps.setString(1, eventId);
            ps.setString(2, type);
            return ps.executeUpdate() == 1;
        }
    }

    private static SpecVersionRecord mapVersion(ResultSet rs, boolean withSpec) throws SQLException {
        return new SpecVersionRecord(rs.getString("document_id"), rs.getInt("version"), rs.getString("object_key"),
                rs.getString("reason"), Json.get(rs, "changed_rows"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), withSpec ? Json.get(rs, "spec") : null);
    }

    private static DocumentRecord map(ResultSet rs) throws SQLException {
        int version = rs.getInt("spec_version");
        Integer specVersion = rs.wasNull() ? null : version;
        int rows = rs.getInt("rows_found");
        Integer rowsFound = rs.wasNull() ? null : rows;
        return new DocumentRecord(rs.getString("id"), rs.getString("tenant_id"), rs.getString("project_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("raw_object_key"), rs.getString("status"), rs.getString("error_code"),
                rs.getString("error_message"), specVersion, rowsFound, Json.get(rs, "targets"),
                Json.get(rs, "header_mapping"), Json.get(rs, "diagnostics"), Json.get(rs, "sheets"),
                Json.get(rs, "header_overrides"), rs.getString("uploaded_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), names(Json.get(rs, "reference_files")));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
