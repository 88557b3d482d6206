package io.aide.document.persistence;

import io.agroal.api.AgroalDataSource;
import io.aide.document.service.DocumentServiceException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC on the service's pool; {@link #transaction} commits or rolls back as one unit. */
@ApplicationScoped
public class Sql {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T query(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static DocumentServiceException unavailable(SQLException e) {
        return DocumentServiceException.unavailable("database_unavailable",
                "The document database failed (" + e.getSQLState() + ": " + e.getMessage() + "). Retry in a moment.", e);
    }
}
