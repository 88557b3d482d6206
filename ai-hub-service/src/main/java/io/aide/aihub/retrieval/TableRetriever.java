package io.aide.aihub.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.aide.aihub.modeler.SchemaSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the tables of a big schema a question needs, so the prompt fits the model's window: each table is embedded
 * once as "table name: column names" with all-MiniLM-L6-v2 (in-process, the model ships in the jar, no network), the
 * question likewise, and tables rank by cosine similarity. Names are split on '_' and case changes first, so
 * {@code order_items} reads as "order items". Vectors are kept in memory per index; they are not stored in
 * PostgreSQL (pgvector) yet.
 */
public final class TableRetriever {
    private static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    /** One schema's tables and their vectors. */
    public record Index(List<String> tables, List<float[]> vectors) {
    }

    private TableRetriever() {
    }

    /** Embeds every table of the snapshot (the costly step, once per schema snapshot). */
    public static Index index(SchemaSnapshot snapshot) {
        List<String> names = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        for (SchemaSnapshot.Table t : snapshot.tables()) {
            names.add(t.schema() == null || t.schema().isBlank() || "files".equals(snapshot.kind()) ? t.name()
                    : t.schema() + "." + t.name());
            StringBuilder text = new StringBuilder(words(t.name())).append(':');
            t.columns().forEach(c -> text.append(' ').append(words(c.name())).append(','));
            texts.add(TextSegment.from(text.toString()));
        }
        List<float[]> vectors = new ArrayList<>();
        for (Embedding e : MODEL.embedAll(texts).content()) {
            vectors.add(e.vector());
        }
        return new Index(names, vectors);
    }

    /** The {@code k} tables most similar to the question, best first. */
    public static List<String> top(Index index, String question, int k) {
        float[] q = MODEL.embed(words(question)).content().vector();
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[index.tables().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cosine(q, index.vectors().get(i));
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order.stream().limit(k).map(index.tables()::get).toList();
    }

    static String words(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('.', ' ')
                .toLowerCase(Locale.ROOT).trim();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
