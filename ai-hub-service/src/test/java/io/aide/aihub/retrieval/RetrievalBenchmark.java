package io.aide.aihub.retrieval;

import io.aide.aihub.modeler.SchemaSnapshot;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Times the embedding of the generated 600-table schema and counts the questions whose table is in the top 10; with
 * a JDBC URL of an AIDE database (schema aihub migrated) it also times {@link TableVectors}: the first sync, a sync of
 * the unchanged snapshot, and the ranking in SQL (under a tenant of its own, deleted afterwards).
 * Run: {@code java -cp ai-hub-service/target/test-classes:ai-hub-service/target/classes:$(cat cp.txt)
 * io.aide.aihub.retrieval.RetrievalBenchmark [runs] [jdbc:postgresql://127.0.0.1:55432/aide?currentSchema=aihub]};
 * figures go to docs/benchmarks.md.
 */
public final class RetrievalBenchmark {
    private RetrievalBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SchemaSnapshot schema = TableRetrieverTest.sixHundredTables();
        List<TableRetriever.TableText> texts = TableRetriever.texts(schema);
        long load = System.nanoTime();
        TableRetriever.embed(texts.subList(0, 1));
        System.out.printf("model load and first call: %d ms%n", (System.nanoTime() - load) / 1_000_000);
        List<float[]> vectors = null;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            vectors = TableRetriever.embed(texts);
            System.out.printf("run %d: embedded %d tables with %s in %d ms%n", r + 1, vectors.size(),
                    TableRetriever.MODEL_NAME, (System.nanoTime() - start) / 1_000_000);
        }
        Map<String, String> questions = TableRetrieverTest.QUESTIONS;
        int found = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String> q : questions.entrySet()) {
            List<String> top = TableRetriever.rank(texts, vectors, q.getKey(), 10);
            int rank = top.indexOf(q.getValue());
            found += rank >= 0 ? 1 : 0;
            System.out.printf("  %-50s -> %s at rank %s%n", q.getKey(), q.getValue(), rank < 0 ? "-" : rank + 1);
        }
        System.out.printf("top-10 recall: %d/%d; %d ms for the %d questions%n", found, questions.size(),
                (System.nanoTime() - start) / 1_000_000, questions.size());
        if (args.length > 1) {
            inPostgres(args[1], schema, questions);
        }
    }

    private static void inPostgres(String url, SchemaSnapshot schema, Map<String, String> questions) {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(url);
        db.setUser(System.getProperty("pg.user", "aide"));
        db.setPassword(System.getProperty("pg.password", "aide"));
        TableVectors vectors = new TableVectors(db);
        String tenant = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            long start = System.nanoTime();
            TableVectors.Sync first = vectors.sync(tenant, "ds_600", schema);
            System.out.printf("first sync: %s in %d ms%n", first, (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            TableVectors.Sync again = vectors.sync(tenant, "ds_600", schema);
            System.out.printf("sync of the unchanged snapshot: %s in %d ms%n", again,
                    (System.nanoTime() - start) / 1_000_000);
            int found = 0;
            start = System.nanoTime();
            for (Map.Entry<String, String> q : questions.entrySet()) {
                found += vectors.top(tenant, "ds_600", schema, q.getKey(), 10).contains(q.getValue()) ? 1 : 0;
            }
            System.out.printf("ranked in SQL: top-10 recall %d/%d; %d ms for the %d questions%n", found,
                    questions.size(), (System.nanoTime() - start) / 1_000_000, questions.size());
        } finally {
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement("DELETE FROM table_vectors WHERE tenant_id = ?")) {
                s.setString(1, tenant);
                s.executeUpdate();
            } catch (SQLException e) {
                System.out.println("could not delete the benchmark's vectors: " + e.getMessage());
            }
        }
    }
}
