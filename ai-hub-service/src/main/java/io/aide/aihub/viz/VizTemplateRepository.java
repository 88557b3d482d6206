package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table viz_templates: every read and write names the tenant, so another tenant's template is simply not found. */
@ApplicationScoped
public class VizTemplateRepository {
    private static final String COLUMNS = "id, prompt, generated_sql, ui_code, parameters, data_source, data_source_id, "
            + "data_url, created_by, created_at, updated_at";
    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public VizTemplateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(String tenantId, VizTemplate t) {
        String sql = "INSERT INTO viz_templates (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setString(2, t.id());
            bind(s, 3, t);
            s.setString(10, t.createdBy());
            s.setTimestamp(11, Timestamp.from(t.createdAt()));
            s.setTimestamp(12, Timestamp.from(t.updatedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save visualization template: " + e.getMessage(), e);
        }
    }

    /** Replaces the editable fields; false when the tenant has no such template. */
    public boolean update(String tenantId, VizTemplate t) {
        String sql = "UPDATE viz_templates SET prompt = ?, generated_sql = ?, ui_code = ?, parameters = ?, "
                + "data_source = ?, data_source_id = ?, data_url = ?, updated_at = ? WHERE tenant_id = ? AND id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, t);
            s.setTimestamp(8, Timestamp.from(t.updatedAt()));
            s.setString(9, tenantId);
            s.setString(10, t.id());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update visualization template: " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement s, int first, VizTemplate t) throws SQLException {
        s.setString(first, t.prompt());
        s.setString(first + 1, t.generatedSql());
        s.setString(first + 2, t.uiCode());
        s.setString(first + 3, t.parameters() == null ? "{}" : t.parameters().toString());
        s.setString(first + 4, t.dataSource());
        s.setString(first + 5, t.dataSourceId());
        s.setString(first + 6, t.dataUrl());
    }

    public Optional<VizTemplate> find(String tenantId, String id) {
        List<VizTemplate> found = query("SELECT " + COLUMNS + " FROM viz_templates WHERE tenant_id = ? AND id = ?",
                tenantId, id);
        return found.stream().findFirst();
    }

    public List<VizTemplate> list(String tenantId) {
        return query("SELECT " + COLUMNS + " FROM viz_templates WHERE tenant_id = ? ORDER BY updated_at DESC LIMIT 500",
                tenantId);
    }

    public boolean delete(String tenantId, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM viz_templates WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenantId);
            s.setString(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete visualization template: " + e.getMessage(), e);
        }
    }

    private List<VizTemplate> query(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            List<VizTemplate> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new VizTemplate(rs.getString("id"), rs.getString("prompt"), rs.getString("generated_sql"),
                            rs.getString("ui_code"), json.readTree(rs.getString("parameters")),
                            rs.getString("data_source"), rs.getString("data_source_id"), rs.getString("data_url"),
                            rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at")));
                }
            }
            return out;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read visualization templates: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
