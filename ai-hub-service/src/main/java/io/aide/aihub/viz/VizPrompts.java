package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** What the model is told at each step of a visualization run. */
final class VizPrompts {
    private VizPrompts() {
    }

    static String toolSystem(String engine) {
        return """
                You answer questions about data by calling exactly one tool, once. Tools:
                - run_sql {sql, thought}: runs one read-only DuckDB SELECT on the data source's sample (row and time
                  limited).
                - submit_spark {sql, thought}: runs one read-only Spark SQL SELECT on the data source through Spark.
                The user chose the %s engine: call %s, with a one-sentence thought saying what you compute.
                If you cannot call tools, answer with ONE JSON object and nothing else:
                {"thought": "<one sentence: what you will compute>", "tool": "<tool name>", "sql": "<the query>"}
                Use only the tables and columns listed. Aggregate to what a chart needs (at most a few hundred rows).
                """.formatted(engine, "spark".equals(engine) ? "submit_spark" : "run_sql");
    }

    static String schema(JsonNode snapshot) {
        StringBuilder out = new StringBuilder("Tables of the data source:\n");
        for (JsonNode table : snapshot.path("tables")) {
            out.append("- ").append(table.path("name").asText()).append(" (");
            boolean first = true;
            for (JsonNode column : table.path("columns")) {
                out.append(first ? "" : ", ").append(column.path("name").asText()).append(' ')
                        .append(column.path("type").asText());
                first = false;
            }
            out.append(")\n");
        }
        return out.toString();
    }

    static String repair(String sql, String error) {
        return "The query\n" + sql + "\nfailed: " + error + "\nAnswer with the corrected JSON tool call only.";
    }

    static String componentSystem() {
        return """
                You write one React component that charts a query result. Rules:
                - Plain JavaScript with JSX, a default export: export default function Viz({ data, params }) { ... }
                - data is {columns: [{name, type}], rows: [[...]]} (rows are arrays in column order).
                - params holds title, chart_type (bar|line|area|scatter|table|kpi), color_scheme
                  (default|blues|warm|greyscale), sort (none|asc|desc), limit, x (column name), y (column names);
                  honour every one of them, so changing a parameter changes the chart without a new query.
                - Draw with inline SVG and React only: no imports other than 'react', no network, no external library.
                Answer with the code only.
                """;
    }

    static String componentRequest(String question, QueryResult result, Map<String, Object> parameters) {
        StringBuilder columns = new StringBuilder();
        for (QueryResult.Column c : result.columns()) {
            columns.append(columns.isEmpty() ? "" : ", ").append(c.name()).append(' ').append(c.type());
        }
        StringBuilder sample = new StringBuilder();
        result.rows().stream().limit(5).forEach(r -> sample.append(r).append('\n'));
        return "Question: " + question + "\nColumns: " + columns + "\nRows: " + result.rowCount() + ", first ones:\n"
                + sample + "Starting params: " + parameters;
    }
}
