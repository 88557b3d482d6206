package io.aide.aihub.viz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server-sent event of a visualization run, named and shaped as seed 001 gives them:
 * {@code thought {type: thinking, content}}, {@code code {type: code_chunk, language: tsx, content}},
 * {@code data {type: data_ready, url, size, format}}, {@code error {type: error, message, stage}},
 * {@code done {type: complete, code_complete, data_ready}}. {@code data} also carries {@code rows} and {@code sql};
 * {@code done} also carries {@code sql}, {@code parameters} and {@code data_source}, what a template saves.
 */
public record VizEvent(String name, Map<String, Object> payload) {

    public static VizEvent thought(String content) {
        return new VizEvent("thought", map("type", "thinking", "content", content));
    }

    public static VizEvent code(String content) {
        return new VizEvent("code", map("type", "code_chunk", "language", "tsx", "content", content));
    }

    public static VizEvent dataReady(VizDataStore.Stored stored, String sql) {
        Map<String, Object> p = map("type", "data_ready", "url", stored.url(), "size", stored.size(), "format",
                stored.format());
        p.put("rows", stored.rows());
        p.put("sql", sql);
        return new VizEvent("data", p);
    }

    public static VizEvent error(VizException.Stage stage, String message) {
        return new VizEvent("error", map("type", "error", "message", message, "stage", stage.wire()));
    }

    public static VizEvent done(boolean codeComplete, boolean dataReady, String sql, Map<String, Object> parameters,
                                String dataSource) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "complete");
        p.put("code_complete", codeComplete);
        p.put("data_ready", dataReady);
        p.put("sql", sql);
        p.put("parameters", parameters);
        p.put("data_source", dataSource);
        return new VizEvent("done", p);
    }

    private static Map<String, Object> map(String... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
