package io.aide.aihub.persistence;

import io.aide.aihub.session.SessionMessage;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved modeler conversations and their messages (tables conversations, conversation_messages), one tenant each. */
@ApplicationScoped
public class ConversationRepository {
    public static final String MODELER = "modeler";

    private final DataSource dataSource;

    public ConversationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Saved(String conversationId, String tenantId, String dataSourceId, String dataModelId, String title,
                        String createdBy, Instant createdAt, Instant savedAt, String schemaContext, String modelDraft,
                        Integer modelDraftVersion, List<SessionMessage> messages) {
    }

    /** One line of the list of saved conversations: what it is about, without its messages. */
    public record Summary(String conversationId, String dataSourceId, String dataModelId, String title,
                          String savedBy, Instant createdAt, Instant savedAt, int messageCount,
                          Integer modelDraftVersion) {
    }

    public Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Inserts the conversation and its messages on {@code connection}; the caller commits. */
    public void insert(Connection connection, Saved c) throws SQLException {
        String sql = "INSERT INTO conversations (id, tenant_id, kind, subject_key, title, created_by, created_at, "
                + "updated_at, data_source_id, data_model_id, status, saved_at, schema_context, model_draft, "
                + "model_draft_version) VALUES (?, ?, ?, ?, ?, ?, ?, now(), ?, ?, 'saved', ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, c.conversationId());
            s.setString(2, c.tenantId());
            s.setString(3, MODELER);
            s.setString(4, c.dataSourceId());
            s.setString(5, c.title());
            s.setString(6, c.createdBy());
            s.setTimestamp(7, Timestamp.from(c.createdAt()));
            s.setString(8, c.dataSourceId());
            s.setString(9, c.dataModelId());
            s.setTimestamp(10, Timestamp.from(c.savedAt()));
            s.setString(11, c.schemaContext());
            s.setString(12, c.modelDraft());
            if (c.modelDraftVersion() == null) {
                s.setNull(13, Types.INTEGER);
            } else {
                s.setInt(13, c.modelDraftVersion());
            }
            s.executeUpdate();
        }
        String messageSql = "INSERT INTO conversation_messages (conversation_id, tenant_id, role, content, created_at) "
                + "VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(messageSql)) {
            for (SessionMessage m : c.messages()) {
                s.setString(1, c.conversationId());
                s.setString(2, c.tenantId());
                s.setString(3, m.role());
                s.setString(4, m.content());
                s.setTimestamp(5, Timestamp.from(m.timestamp() == null ? c.savedAt() : m.timestamp()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * One saved modeler conversation of the tenant for this data model: the one with {@code conversationId}, or the
     * latest when it is null; with {@code savedBy} only one that user saved (null: any author of the tenant).
     */
    public Optional<Saved> find(String tenantId, String savedBy, String dataModelId, String conversationId) {
        String sql = "SELECT id, tenant_id, data_source_id, data_model_id, title, created_by, created_at, saved_at, "
                + "schema_context, model_draft, model_draft_version FROM conversations WHERE tenant_id = ? AND kind = ? "
                + "AND data_model_id = ?" + (savedBy == null ? "" : " AND created_by = ?")
                + (conversationId == null ? "" : " AND id = ?") + " ORDER BY saved_at DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement s = connection.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, tenantId);
            s.setString(i++, MODELER);
            s.setString(i++, dataModelId);
            if (savedBy != null) {
                s.setString(i++, savedBy);
            }
            if (conversationId != null) {
                s.setString(i, conversationId);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString("id");
                int version = rs.getInt("model_draft_version");
                Integer draftVersion = rs.wasNull() ? null : version;
                return Optional.of(new Saved(id, rs.getString("tenant_id"), rs.getString("data_source_id"),
                        rs.getString("data_model_id"), rs.getString("title"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("saved_at").toInstant(),
                        rs.getString("schema_context"), rs.getString("model_draft"), draftVersion,
                        messages(connection, tenantId, id)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversation of data model " + dataModelId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The tenant's saved modeler conversations, newest first: with {@code savedBy} only those that user saved (null:
     * every author's), with {@code dataSourceId} only those about that data source.
     */
    public List<Summary> listSaved(String tenantId, String savedBy, String dataSourceId, int limit) {
        String sql = "SELECT c.id, c.data_source_id, c.data_model_id, c.title, c.created_by, c.created_at, c.saved_at, "
                + "c.model_draft_version, (SELECT count(*) FROM conversation_messages m WHERE m.tenant_id = c.tenant_id "
                + "AND m.conversation_id = c.id) AS message_count FROM conversations c WHERE c.tenant_id = ? "
                + "AND c.kind = ?" + (savedBy == null ? "" : " AND c.created_by = ?")
                + (dataSourceId == null ? "" : " AND c.data_source_id = ?") + " ORDER BY c.saved_at DESC, c.id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement s = connection.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, tenantId);
            s.setString(i++, MODELER);
            if (savedBy != null) {
                s.setString(i++, savedBy);
            }
            if (dataSourceId != null) {
                s.setString(i++, dataSourceId);
            }
            s.setInt(i, limit);
            List<Summary> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt("model_draft_version");
                    Integer draftVersion = rs.wasNull() ? null : version;
                    out.add(new Summary(rs.getString("id"), rs.getString("data_source_id"),
                            rs.getString("data_model_id"), rs.getString("title"), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("saved_at").toInstant(),
                            rs.getInt("message_count"), draftVersion));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the saved conversations of tenant " + tenantId + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<SessionMessage> messages(Connection connection, String tenantId, String conversationId)
            throws SQLException {
        String sql = "SELECT role, content, created_at FROM conversation_messages WHERE tenant_id = ? AND "
                + "conversation_id = ? ORDER BY id";
        List<SessionMessage> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setString(2, conversationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SessionMessage(rs.getString("role"), rs.getString("content"),
                            rs.getTimestamp("created_at").toInstant()));
                }
            }
        }
        return out;
    }
}
