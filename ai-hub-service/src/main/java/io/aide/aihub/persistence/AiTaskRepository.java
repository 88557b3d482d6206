package io.aide.aihub.persistence;

import io.aide.events.Envelope;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The ai_tasks table: claims an event once, then records how its task ended. */
@ApplicationScoped
public class AiTaskRepository {
    private final DataSource dataSource;

    public AiTaskRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this event was not seen before (so its task runs now), false for a redelivery. */
    public boolean claim(Envelope envelope, AiTaskRequested task) {
        String sql = "INSERT INTO ai_tasks (event_id, task_id, tenant_id, kind, subject_key, status, requested_by) "
                + "VALUES (?, ?, ?, ?, ?, 'running', ?) ON CONFLICT (event_id) DO NOTHING";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, envelope.eventId());
            statement.setString(2, task.taskId());
            statement.setString(3, envelope.tenantId());
            statement.setString(4, task.kind());
            statement.setString(5, task.key() == null ? envelope.key() : task.key());
            statement.setString(6, task.requestedBy());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record AI task " + task.taskId() + ": " + e.getMessage(), e);
        }
    }

    public void finish(Envelope envelope, AiTaskResult result) {
        String sql = "UPDATE ai_tasks SET status = ?, code = ?, finished_at = now() WHERE event_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, result.status());
            statement.setString(2, result.code());
            statement.setString(3, envelope.eventId());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the end of AI task " + result.taskId() + ": "
                    + e.getMessage(), e);
        }
    }
}
