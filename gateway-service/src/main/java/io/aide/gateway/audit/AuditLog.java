package io.aide.gateway.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends audit entries to PostgreSQL (table {@code audit_log}, schema gateway) off the request path: requests put
 * entries on a bounded queue and one writer thread inserts them in batches. The table only ever receives INSERTs
 * (its triggers refuse UPDATE, DELETE and TRUNCATE). When the queue is full (a flood of refused requests, PostgreSQL
 * down) entries are dropped and counted ({@code aide_audit_dropped_total}) rather than slowing every request.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    static final int QUEUE = 20_000;
    private static final int BATCH = 500;
    private static final String INSERT = "insert into audit_log (tenant_id, actor, actor_kind, action, outcome, status, "
            + "method, path, target, correlation_id, client_address, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final BlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Counter dropped;
    private volatile boolean running = true;
    private Thread writer;

    public AuditLog(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.dropped = Counter.builder("aide_audit_dropped").description("audit entries not written (queue full)")
                .register(registry);
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::drain, "aide-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
        flush(new ArrayList<>(queue));
    }

    /** Queues an entry; never blocks the caller. */
    public void append(AuditEntry entry) {
        if (!queue.offer(entry)) {
            dropped.increment();
            LOG.warnf("audit queue full, entry dropped: %s %s by %s", entry.action(), entry.path(), entry.actor());
        }
    }

    private void drain() {
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                AuditEntry first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "audit writer failed");
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (AuditEntry e : batch) {
                s.setString(1, e.tenant());
                s.setString(2, e.actor());
                s.setString(3, e.actorKind());
                s.setString(4, e.action());
                s.setString(5, e.outcome());
                s.setInt(6, e.status());
                s.setString(7, e.method());
                s.setString(8, e.path());
                setNullable(s, 9, e.target());
                setNullable(s, 10, e.correlationId());
                setNullable(s, 11, e.clientAddress());
                s.setTimestamp(12, java.sql.Timestamp.from(e.at() != null ? e.at() : java.time.Instant.now()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            dropped.increment(batch.size());
            LOG.errorf("audit batch of %d entries not written: %s", batch.size(), e.getMessage());
        }
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
