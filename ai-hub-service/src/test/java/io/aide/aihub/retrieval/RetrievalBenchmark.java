package io.aide.aihub.retrieval;

import io.aide.aihub.modeler.SchemaSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Times the embedding of the generated 600-table schema and counts the questions whose table is in the top 10.
 * Run: {@code java -cp ai-hub-service/target/test-classes:ai-hub-service/target/classes:$(cat cp.txt)
 * io.aide.aihub.retrieval.RetrievalBenchmark [runs]}; figures go to docs/benchmarks.md.
 */
public final class RetrievalBenchmark {
    private RetrievalBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SchemaSnapshot schema = TableRetrieverTest.sixHundredTables();
        long load = System.nanoTime();
        TableRetriever.top(TableRetriever.index(new SchemaSnapshot("w", "postgresql", "w", schema.tables().subList(0, 1))),
                "warm up", 1);
        System.out.printf("model load and first call: %d ms%n", (System.nanoTime() - load) / 1_000_000);
        TableRetriever.Index index = null;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            index = TableRetriever.index(schema);
            System.out.printf("run %d: embedded %d tables in %d ms%n", r + 1, index.tables().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        Map<String, String> questions = TableRetrieverTest.QUESTIONS;
        int found = 0;
        long start = System.nanoTime();
        for (Map.Entry<String, String> q : questions.entrySet()) {
            List<String> top = TableRetriever.top(index, q.getKey(), 10);
            int rank = top.indexOf(q.getValue());
            found += rank >= 0 ? 1 : 0;
            System.out.printf("  %-50s -> %s at rank %s%n", q.getKey(), q.getValue(), rank < 0 ? "-" : rank + 1);
        }
        System.out.printf("top-10 recall: %d/%d; %d ms for the %d questions%n", found, questions.size(),
                (System.nanoTime() - start) / 1_000_000, questions.size());
    }
}
