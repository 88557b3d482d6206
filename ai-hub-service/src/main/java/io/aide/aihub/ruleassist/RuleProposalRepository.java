package io.aide.aihub.ruleassist;

import io.aide.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** rule_proposals, always read and written for one tenant. */
@ApplicationScoped
public class RuleProposalRepository {
    private static final String COLUMNS = "proposal_id, generation_id, document_id, target, target_column, mapping_ref, "
            + "expression, status, reason, sample_values::text, proposed_by, accepted_by, spec_version";
    private final DataSource dataSource;

    public RuleProposalRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(String tenantId, RuleProposal p) {
        String sql = "INSERT INTO rule_proposals (proposal_id, tenant_id, generation_id, document_id, target, "
                + "target_column, mapping_ref, expression, status, reason, sample_values, proposed_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, p.proposalId());
            s.setString(2, tenantId);
            s.setString(3, p.generationId());
            s.setString(4, p.documentId());
            s.setString(5, p.target());
            s.setString(6, p.column());
            s.setString(7, p.mappingRef());
            s.setString(8, p.expression());
            s.setString(9, p.status());
            s.setString(10, p.reason());
            s.setString(11, EventJson.toJson(p.sampleValues()));
            s.setString(12, p.proposedBy());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store rule proposal " + p.proposalId() + ": " + e.getMessage(), e);
        }
    }

    public Optional<RuleProposal> find(String tenantId, String proposalId) {
        List<RuleProposal> found = query("SELECT " + COLUMNS + " FROM rule_proposals WHERE tenant_id = ? AND "
                + "proposal_id = ?", tenantId, proposalId);
        return found.stream().findFirst();
    }

    public List<RuleProposal> ofGeneration(String tenantId, String generationId) {
        return query("SELECT " + COLUMNS + " FROM rule_proposals WHERE tenant_id = ? AND generation_id = ? "
                + "ORDER BY created_at, target, target_column", tenantId, generationId);
    }

    /** Marks an AI-proposed expression accepted; false when it was not (any more) AI-proposed. */
    public boolean accept(String tenantId, String proposalId, String userId, int specVersion) {
        String sql = "UPDATE rule_proposals SET status = 'accepted', accepted_by = ?, spec_version = ?, "
                + "accepted_at = now() WHERE tenant_id = ? AND proposal_id = ? AND status = 'ai_proposed'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            s.setInt(2, specVersion);
            s.setString(3, tenantId);
            s.setString(4, proposalId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot accept rule proposal " + proposalId + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sampleValues(String json) {
        return EventJson.fromJson(json, List.class);
    }

    private List<RuleProposal> query(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            List<RuleProposal> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new RuleProposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            sampleValues(rs.getString(10)),
                            rs.getString(11), rs.getString(12), (Integer) rs.getObject(13)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule proposals: " + e.getMessage(), e);
        }
    }
}
