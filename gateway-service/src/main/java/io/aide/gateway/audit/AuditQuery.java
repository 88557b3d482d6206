package io.aide.gateway.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads one tenant's audit log: pages newest first, or every matching entry oldest first for an export. */
@ApplicationScoped
public class AuditQuery {
    private static final String COLUMNS = "seq, tenant_id, at, actor, actor_kind, action, outcome, status, method, path, "
            + "target, correlation_id, client_address";

    private final AgroalDataSource dataSource;

    public AuditQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What to read: always one tenant; {@code from} inclusive and {@code to} exclusive; {@code action} matches the
     * action itself or its family ({@code generation} matches {@code generation.cancel}).
     */
    public record Filter(String tenant, Instant from, Instant to, String actor, String action) {
    }

    /** A page of at most {@code limit} entries older than {@code before} (a seq; null for the newest). */
    public List<AuditEntry> page(Filter filter, Long before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_log where ");
        List<Object> args = new ArrayList<>();
        where(filter, sql, args);
        if (before != null) {
            sql.append(" and seq < ?");
            args.add(before);
        }
        sql.append(" order by seq desc limit ?");
        args.add(limit);
        List<AuditEntry> entries = new ArrayList<>();
        run(sql.toString(), args, 0, entries::add);
        return entries;
    }

    /** Every matching entry, oldest first, read with a cursor so an export of any size holds little memory. */
    public void each(Filter filter, Consumer<AuditEntry> sink) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_log where ");
        List<Object> args = new ArrayList<>();
        where(filter, sql, args);
        sql.append(" order by seq");
        run(sql.toString(), args, 1000, sink);
    }

    private static void where(Filter filter, StringBuilder sql, List<Object> args) {
        sql.append("tenant_id = ?");
        args.add(filter.tenant());
        if (filter.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" and (action = ? or action like ?)");
            args.add(filter.action());
            args.add(filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
        }
    }

    private void run(String sql, List<Object> args, int fetchSize, Consumer<AuditEntry> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (fetchSize > 0) {
                c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(fetchSize);
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                    }
                }
            } finally {
                if (fetchSize > 0) {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getString("tenant_id"), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), rs.getString("actor_kind"), rs.getString("action"), rs.getString("outcome"),
                rs.getInt("status"), rs.getString("method"), rs.getString("path"), rs.getString("target"),
                rs.getString("correlation_id"), rs.getString("client_address"));
    }
}
