package io.aide.aihub.viz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses a chart for a typed query result from its column types and cardinalities, without a language model:
 * one row of measures is a KPI; a time column with one measure that is never negative over at least
 * {@value #AREA_MIN_POINTS} points in time an area (a volume over time); a time column with measures otherwise a
 * line; one category with measures a bar (the top {@value #BAR_LIMIT} by the first measure when there are more
 * categories); two or more measures a scatter; anything else a table.
 */
public final class ChartRecommender {
    public static final int BAR_LIMIT = 20;
    /** A time series this dense of one measure that is never negative is drawn as an area rather than a line. */
    public static final int AREA_MIN_POINTS = 24;
    public static final int TABLE_LIMIT = 200;
    /** Distinct values are counted up to this bound: enough to tell a category from an identifier. */
    private static final int CARDINALITY_CAP = 10_000;

    private ChartRecommender() {
    }

    /** The chosen chart and the axis columns, as the parameters the component starts with. */
    public record Recommendation(String chartType, String x, List<String> y, String title, String sort, Integer limit,
                                 String reason, Map<String, Integer> cardinalities) {
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", title);
            p.put("chart_type", chartType);
            p.put("color_scheme", "default");
            p.put("sort", sort);
            p.put("limit", limit);
            p.put("x", x);
            p.put("y", y);
            return p;
        }
    }

    public static Recommendation recommend(QueryResult result) {
        List<QueryResult.Column> columns = result.columns();
        if (columns.isEmpty()) {
            return new Recommendation("table", null, List.of(), "Result", "none", TABLE_LIMIT,
                    "the result has no columns", Map.of());
        }
        List<String> measures = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            QueryResult.Column c = columns.get(i);
            switch (ColumnKind.of(c.type(), result.rows(), i)) {
                case MEASURE -> measures.add(c.name());
                case TIME -> times.add(c.name());
                case CATEGORY -> categories.add(c.name());
            }
        }
        Map<String, Integer> cardinalities = cardinalities(result);
        int rows = result.rowCount();
        if (rows == 1 && !measures.isEmpty() && times.isEmpty() && categories.isEmpty()) {
            return new Recommendation("kpi", null, List.of(measures.get(0)), humanise(measures.get(0)), "none", null,
                    "one row of measures", cardinalities);
        }
        if (!times.isEmpty() && !measures.isEmpty() && categories.isEmpty()) {
            String x = times.get(0);
            int points = cardinalities.getOrDefault(x, 0);
            if (measures.size() == 1 && points >= AREA_MIN_POINTS && neverNegative(result, measures.get(0))) {
                return new Recommendation("area", x, measures, title(measures, x), "none", null,
                        "a time column (" + x + ", " + points + " values) with one measure that is never negative",
                        cardinalities);
            }
            return new Recommendation("line", x, measures, title(measures, x), "none", null,
                    "a time column (" + x + ") with " + measures.size() + " measure(s)", cardinalities);
        }
        if (categories.size() == 1 && times.isEmpty() && !measures.isEmpty()) {
            String x = categories.get(0);
            int distinct = cardinalities.getOrDefault(x, 0);
            boolean many = distinct > BAR_LIMIT;
            return new Recommendation("bar", x, measures, title(measures, x), many ? "desc" : "none",
                    many ? BAR_LIMIT : null, "one category (" + x + ", " + distinct + " values) with "
                    + measures.size() + " measure(s)" + (many ? "; the top " + BAR_LIMIT + " shown" : ""),
                    cardinalities);
        }
        if (measures.size() >= 2 && times.isEmpty() && categories.isEmpty()) {
            return new Recommendation("scatter", measures.get(0), List.of(measures.get(1)),
                    humanise(measures.get(1)) + " against " + humanise(measures.get(0)), "none", null,
                    "two measures", cardinalities);
        }
        return new Recommendation("table", null, measures, "Result", "none", TABLE_LIMIT,
                measures.size() + " measure(s), " + times.size() + " time and " + categories.size()
                        + " category column(s): no single chart fits", cardinalities);
    }

    private static boolean neverNegative(QueryResult result, String column) {
        int index = -1;
        for (int i = 0; i < result.columns().size(); i++) {
            if (result.columns().get(i).name().equals(column)) {
                index = i;
            }
        }
        for (List<Object> row : result.rows()) {
            Object v = index >= 0 && index < row.size() ? row.get(index) : null;
            if (v instanceof Number n && n.doubleValue() < 0
                    || v instanceof String text && text.trim().startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    static Map<String, Integer> cardinalities(QueryResult result) {
        List<QueryResult.Column> columns = result.columns();
        List<Set<Object>> seen = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            seen.add(new HashSet<>());
        }
        for (List<Object> row : result.rows()) {
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                Set<Object> s = seen.get(i);
                if (s.size() < CARDINALITY_CAP) {
                    s.add(row.get(i) == null ? "\u0000null" : row.get(i));
                }
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            out.put(columns.get(i).name(), seen.get(i).size());
        }
        return out;
    }

    private static String title(List<String> measures, String x) {
        return humanise(measures.get(0)) + (measures.size() > 1 ? " and more" : "") + " by " + humanise(x);
    }

    static String humanise(String name) {
        String spaced = name.replace('_', ' ').trim();
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
