package io.aide.aihub.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** tenant_models: the model an admin set for the tenant, the key sealed. */
@ApplicationScoped
public class TenantModelRepository {
    private final DataSource dataSource;

    public TenantModelRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Row(String tenantId, String baseUrl, String model, String apiKeyEncrypted, int timeoutSeconds,
                      String updatedBy, Instant updatedAt) {
    }

    public Optional<Row> find(String tenantId) {
        String sql = "SELECT tenant_id, base_url, model, api_key_encrypted, timeout_seconds, updated_by, updated_at "
                + "FROM tenant_models WHERE tenant_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the model of tenant " + tenantId + ": " + e.getMessage(), e);
        }
    }

    /** Inserts or replaces; a null key keeps the stored one. */
    public void upsert(Row row) {
        String sql = "INSERT INTO tenant_models (tenant_id, base_url, model, api_key_encrypted, timeout_seconds, "
                + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (tenant_id) DO UPDATE SET "
                + "base_url = EXCLUDED.base_url, model = EXCLUDED.model, api_key_encrypted = COALESCE("
                + "EXCLUDED.api_key_encrypted, tenant_models.api_key_encrypted), timeout_seconds = "
                + "EXCLUDED.timeout_seconds, updated_by = EXCLUDED.updated_by, updated_at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, row.tenantId());
            s.setString(2, row.baseUrl());
            s.setString(3, row.model());
            s.setString(4, row.apiKeyEncrypted());
            s.setInt(5, row.timeoutSeconds());
            s.setString(6, row.updatedBy());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the model of tenant " + row.tenantId() + ": "
                    + e.getMessage(), e);
        }
    }

    public boolean delete(String tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM tenant_models WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the model of tenant " + tenantId + ": " + e.getMessage(), e);
        }
    }
}
