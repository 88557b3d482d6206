package io.aide.gateway.apikey;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** API keys in PostgreSQL (schema gateway); every read and change but the lookup by hash is scoped to a tenant. */
@ApplicationScoped
public class ApiKeyStore {
    private static final String COLUMNS = "id, tenant_id, name, role, prefix, created_by, created_at, expires_at, "
            + "revoked_at, revoked_by, last_used_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;

    public ApiKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new key and its secret, which exists only in this answer. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String tenant, String name, String role, String createdBy, Instant expiresAt) {
        String secret = ApiKeySecrets.generate();
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String keyId = "key_" + HexFormat.of().formatHex(id);
        String sql = "insert into api_keys (id, tenant_id, name, role, prefix, secret_hash, created_by, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, keyId);
            s.setString(2, tenant);
            s.setString(3, name);
            s.setString(4, role);
            s.setString(5, ApiKeySecrets.shown(secret));
            s.setBytes(6, ApiKeySecrets.hash(secret));
            s.setString(7, createdBy);
            s.setTimestamp(8, Timestamp.from(expiresAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Created(read(rs), secret);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the API key: " + e.getMessage(), e);
        }
    }

    public List<ApiKey> list(String tenant) {
        String sql = "select " + COLUMNS + " from api_keys where tenant_id = ? order by created_at desc, id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            List<ApiKey> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(read(rs));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list API keys: " + e.getMessage(), e);
        }
    }

    /** Revokes the tenant's key (a key already revoked stays as it was); empty when the tenant has no such key. */
    public Optional<ApiKey> revoke(String tenant, String id, String by) {
        String sql = "update api_keys set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, ?) "
                + "where tenant_id = ? and id = ? returning " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, by);
            s.setString(2, tenant);
            s.setString(3, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke the API key: " + e.getMessage(), e);
        }
    }

    /** The key a presented secret belongs to, whatever its state (the caller decides on expiry and revocation). */
    public Optional<ApiKey> findBySecret(String secret) {
        String sql = "select " + COLUMNS + " from api_keys where secret_hash = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBytes(1, ApiKeySecrets.hash(secret));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look the API key up: " + e.getMessage(), e);
        }
    }

    /** Notes a use, at most once a minute per key (a list shows when a forgotten key last served a job). */
    public void touch(String id) {
        String sql = "update api_keys set last_used_at = now() where id = ? "
                + "and (last_used_at is null or last_used_at < now() - interval '1 minute')";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not note the API key's use: " + e.getMessage(), e);
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("role"),
                rs.getString("prefix"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("revoked_by"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
