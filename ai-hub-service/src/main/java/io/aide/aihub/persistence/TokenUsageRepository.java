package io.aide.aihub.persistence;

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

/** token_usage: tokens spent per call, summed per user and model for the tenant's admins. */
@ApplicationScoped
public class TokenUsageRepository {
    private final DataSource dataSource;

    public TokenUsageRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Total(String userId, String model, String source, long calls, long promptTokens,
                        long completionTokens) {
    }

    public void record(String tenantId, String userId, String feature, String model, String source, int prompt,
                       int completion) {
        String sql = "INSERT INTO token_usage (tenant_id, user_id, feature, model, source, prompt_tokens, "
                + "completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setString(2, userId);
            s.setString(3, feature);
            s.setString(4, model);
            s.setString(5, source);
            s.setInt(6, prompt);
            s.setInt(7, completion);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record token usage of tenant " + tenantId + ": " + e.getMessage(), e);
        }
    }

    public List<Total> totals(String tenantId, Instant since) {
        String sql = "SELECT user_id, model, source, count(*), sum(prompt_tokens), sum(completion_tokens) FROM "
                + "token_usage WHERE tenant_id = ? AND created_at >= ? GROUP BY user_id, model, source "
                + "ORDER BY user_id, model";
        List<Total> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Total(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read token usage of tenant " + tenantId + ": " + e.getMessage(), e);
        }
        return out;
    }
}
