package io.aide.aihub.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aide.aihub.context.ContextAssembler;
import io.aide.aihub.modeler.SchemaSnapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The embedding side of table retrieval: each table of a schema is read as "table name: column names" and embedded
 * with all-MiniLM-L6-v2 (the quantized build: in-process, the model ships in the jar, no network; about three times
 * faster than the full-precision one and as good on the 600-table check, see docs/benchmarks.md), the question
 * likewise. Names are split on '_' and case changes first, so {@code order_items} reads as "order items". The vectors
 * are stored and ranked in PostgreSQL by {@link TableVectors}; {@link #rank} ranks in memory, for the quality check
 * and the benchmark.
 */
public final class TableRetriever {
    /** Stored beside each vector: a vector of another model is embedded again. */
    public static final String MODEL_NAME = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;

    /** One table as it is embedded: its SQL name, the text, and the hash of model and text that says it is unchanged. */
    public record TableText(String table, String text, String hash) {
    }

    private TableRetriever() {
    }

    /**
     * Loaded on first use only (about 1 s, and a native tokenizer library, which a JVM loads in one class loader
     * only: so no plain unit test embeds, the Quarkus tests do).
     */
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The text of every table of the snapshot, in the snapshot's order. */
    public static List<TableText> texts(SchemaSnapshot snapshot) {
        List<TableText> texts = new ArrayList<>();
        for (SchemaSnapshot.Table t : snapshot.tables()) {
            StringBuilder text = new StringBuilder(words(t.name())).append(':');
            t.columns().forEach(c -> text.append(' ').append(words(c.name())).append(','));
            String s = text.toString();
            texts.add(new TableText(ContextAssembler.sqlName(snapshot, t), s, sha256(MODEL_NAME + '\n' + s)));
        }
        return texts;
    }

    /** Embeds the texts in one batch (the costly step; the model spreads it over the cores). */
    public static List<float[]> embed(List<TableText> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.text())).toList();
        for (Embedding e : Model.INSTANCE.embedAll(segments).content()) {
            vectors.add(e.vector());
        }
        return vectors;
    }

    public static float[] embedQuestion(String question) {
        return Model.INSTANCE.embed(words(question)).content().vector();
    }

    /** The {@code k} tables whose vectors are most similar to the question's, best first (in memory). */
    public static List<String> rank(List<TableText> texts, List<float[]> vectors, String question, int k) {
        float[] q = embedQuestion(question);
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[texts.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cosine(q, vectors.get(i));
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order.stream().limit(k).map(i -> texts.get(i).table()).toList();
    }

    static String words(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('.', ' ')
                .toLowerCase(Locale.ROOT).trim();
    }

    /** Computed as the SQL function cosine_distance (V6) computes 1 minus it, in double precision. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
