package io.aide.aihub.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Query results charts read by URL (table viz_data): up to {@code aide.viz.inline-max-rows} rows as JSON
 * ({@code size: small}), more as Parquet written by DuckDB ({@code size: large}); each belongs to one tenant and
 * expires after {@code aide.viz.data-ttl}. Expired rows are removed on the next write. A result whose JSON or Parquet
 * is larger than {@code aide.viz.max-result-bytes} is not kept ({@link TooLarge}): each is a row of PostgreSQL and a
 * download the browser parses whole, and no chart needs megabytes of text.
 */
@ApplicationScoped
public class VizDataStore {
    public static final String PUBLIC_PATH = "/api/v1/viz/data/";

    private final DataSource dataSource;
    private final int inlineMaxRows;
    private final Duration ttl;
    private final long maxBytes;
    private final ObjectMapper json = new ObjectMapper();

    public VizDataStore(DataSource dataSource, @ConfigProperty(name = "aide.viz.inline-max-rows", defaultValue = "500")
                        int inlineMaxRows, @ConfigProperty(name = "aide.viz.data-ttl", defaultValue = "1H") Duration ttl,
                        @ConfigProperty(name = "aide.viz.max-result-bytes", defaultValue = "8388608") long maxBytes) {
        this.dataSource = dataSource;
        this.inlineMaxRows = inlineMaxRows;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    /** A result too large to keep; nothing was stored. */
    public static class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** What a data_ready event announces. */
    public record Stored(String id, String url, String size, String format, int rows, Instant expiresAt) {
    }

    public record Content(String format, byte[] bytes) {
        public String mediaType() {
            return "parquet".equals(format) ? "application/vnd.apache.parquet" : "application/json";
        }
    }

    public Stored store(String tenantId, QueryResult result) {
        boolean large = result.rowCount() > inlineMaxRows;
        byte[] bytes;
        if (large) {
            bytes = ParquetWriter.write(result);
        } else {
            try {
                bytes = json.writeValueAsBytes(new QueryResult(result.columns(), result.rows(), result.truncated(),
                        null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the result as JSON: " + e.getMessage(), e);
            }
        }
        String format = large ? "parquet" : "json";
        if (bytes.length > maxBytes) {
            throw new TooLarge("its " + format + " is " + bytes.length + " bytes, more than the " + maxBytes
                    + " a chart's result may have (AIDE_VIZ_MAX_RESULT_BYTES). Chart fewer rows or columns, or "
                    + "shorter text (aggregate, or leave long text columns out).");
        }
        String id = UUID.randomUUID().toString();
        Instant expires = Instant.now().plus(ttl);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM viz_data WHERE expires_at < now()")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO viz_data (id, tenant_id, format, row_count, "
                    + "content, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, tenantId);
                s.setString(3, format);
                s.setInt(4, result.rowCount());
                s.setBytes(5, bytes);
                s.setTimestamp(6, Timestamp.from(expires));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the query result: " + e.getMessage(), e);
        }
        return new Stored(id, PUBLIC_PATH + id, large ? "large" : "small", format, result.rowCount(), expires);
    }

    /** The tenant's unexpired result; empty for another tenant's id, an unknown id or an expired one. */
    public Optional<Content> read(String tenantId, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT format, content FROM viz_data WHERE tenant_id = ? "
                     + "AND id = ? AND expires_at > now()")) {
            s.setString(1, tenantId);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Content(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the query result: " + e.getMessage(), e);
        }
    }
}
