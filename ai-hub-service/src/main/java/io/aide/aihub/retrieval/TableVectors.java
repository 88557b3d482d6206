package io.aide.aihub.retrieval;

import io.aide.aihub.modeler.SchemaSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The table vectors of large schemas in PostgreSQL (table {@code table_vectors}, Flyway V6), per tenant and data
 * source, one row a table with the hash of the text it was embedded from. {@link #sync} embeds only the tables of a
 * snapshot whose text changed (or that are new) and deletes the tables the snapshot no longer has; {@link #top} ranks
 * the snapshot's tables by cosine distance in SQL. Every statement names the tenant, so one tenant's vectors are
 * never read for another.
 */
@ApplicationScoped
public class TableVectors {
    private final DataSource dataSource;

    public TableVectors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a sync did: tables embedded now, tables whose stored vector was reused, stale tables deleted. */
    public record Sync(int embedded, int reused, int removed) {
    }

    /** Makes the stored vectors of the data source match the snapshot, embedding only what changed. */
    public Sync sync(String tenantId, String dataSourceId, SchemaSnapshot snapshot) {
        List<TableRetriever.TableText> texts = TableRetriever.texts(snapshot);
        Map<String, String> stored = storedHashes(tenantId, dataSourceId);
        List<TableRetriever.TableText> changed = texts.stream()
                .filter(t -> !t.hash().equals(stored.get(t.table()))).toList();
        List<float[]> vectors = TableRetriever.embed(changed);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                upsert(c, tenantId, dataSourceId, changed, vectors);
                int removed = deleteOthers(c, tenantId, dataSourceId, texts);
                c.commit();
                return new Sync(changed.size(), texts.size() - changed.size(), removed);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the table vectors of data source '" + dataSourceId + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * The {@code k} tables of the snapshot most similar to the question, best first, ranked by cosine distance in
     * SQL over the stored vectors of this tenant and data source whose text is the snapshot's (call {@link #sync}
     * first; a table without its current vector is not ranked).
     */
    public List<String> top(String tenantId, String dataSourceId, SchemaSnapshot snapshot, String question, int k) {
        List<TableRetriever.TableText> texts = TableRetriever.texts(snapshot);
        float[] q = TableRetriever.embedQuestion(question);
        String sql = "SELECT v.table_name FROM table_vectors v "
                + "JOIN unnest(?::varchar[], ?::varchar[]) AS s(table_name, text_hash) "
                + "ON s.table_name = v.table_name AND s.text_hash = v.text_hash "
                + "WHERE v.tenant_id = ? AND v.data_source_id = ? "
                + "ORDER BY cosine_distance(v.embedding, ?::real[]), v.table_name LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", texts.stream().map(TableRetriever.TableText::table).toArray()));
            s.setArray(2, c.createArrayOf("varchar", texts.stream().map(TableRetriever.TableText::hash).toArray()));
            s.setString(3, tenantId);
            s.setString(4, dataSourceId);
            s.setArray(5, vector(c, q));
            s.setInt(6, k);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rank the tables of data source '" + dataSourceId + "': "
                    + e.getMessage(), e);
        }
    }

    private Map<String, String> storedHashes(String tenantId, String dataSourceId) {
        String sql = "SELECT table_name, text_hash FROM table_vectors WHERE tenant_id = ? AND data_source_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setString(2, dataSourceId);
            Map<String, String> hashes = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getString(1), rs.getString(2));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the table vectors of data source '" + dataSourceId + "': "
                    + e.getMessage(), e);
        }
    }

    private static void upsert(Connection c, String tenantId, String dataSourceId,
                               List<TableRetriever.TableText> texts, List<float[]> vectors) throws SQLException {
        if (texts.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO table_vectors (tenant_id, data_source_id, table_name, model, text_hash, embedding) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, data_source_id, table_name) DO UPDATE SET "
                + "model = EXCLUDED.model, text_hash = EXCLUDED.text_hash, embedding = EXCLUDED.embedding, "
                + "updated_at = now()";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < texts.size(); i++) {
                s.setString(1, tenantId);
                s.setString(2, dataSourceId);
                s.setString(3, texts.get(i).table());
                s.setString(4, TableRetriever.MODEL_NAME);
                s.setString(5, texts.get(i).hash());
                s.setArray(6, vector(c, vectors.get(i)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static int deleteOthers(Connection c, String tenantId, String dataSourceId,
                                    List<TableRetriever.TableText> texts) throws SQLException {
        String sql = "DELETE FROM table_vectors WHERE tenant_id = ? AND data_source_id = ? "
                + "AND NOT (table_name = ANY (?::varchar[]))";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.setString(2, dataSourceId);
            s.setArray(3, c.createArrayOf("varchar", texts.stream().map(TableRetriever.TableText::table).toArray()));
            return s.executeUpdate();
        }
    }

    private static Array vector(Connection c, float[] v) throws SQLException {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return c.createArrayOf("float4", boxed);
    }
}
