package io.aide.aihub.viz.bench;

import io.aide.aihub.viz.ChartRecommender;
import io.aide.aihub.viz.QueryResult;
import io.aide.aihub.viz.VizComponent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chart recommender on a generated result of N rows (default 100,000): a date, a 50-value category, an
 * identifier and two measures, typed and again all VARCHAR as sample files give them, and two of their columns; the median and the worst of the timed rounds after warm-up, recommendation and
 * component together. {@code java -cp ... io.aide.aihub.viz.bench.RecommenderBenchmark [rows] [rounds]}.
 */
public final class RecommenderBenchmark {
    private RecommenderBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<QueryResult.Column> columns = List.of(new QueryResult.Column("order_date", "DATE"),
                new QueryResult.Column("region", "VARCHAR"), new QueryResult.Column("order_id", "BIGINT"),
                new QueryResult.Column("amount", "DECIMAL(18,2)"), new QueryResult.Column("quantity", "INTEGER"));
        List<List<Object>> data = new ArrayList<>(rows);
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < rows; i++) {
            data.add(List.of(start.plusDays(i % 1500).toString(), "region-" + (i % 50), (long) i, (i % 997) * 1.25,
                    i % 13));
        }
        QueryResult wide = new QueryResult(columns, data, false, 0L);
        QueryResult byRegion = new QueryResult(List.of(columns.get(1), columns.get(3)),
                data.stream().map(r -> List.<Object>of(r.get(1), r.get(3))).toList(), false, 0L);
        // as a sample file gives them: every column VARCHAR, so the values tell the kinds (date, category, numbers)
        QueryResult asText = new QueryResult(columns.stream().map(c -> new QueryResult.Column(c.name(), "VARCHAR"))
                .toList(), data.stream().map(r -> r.stream().<Object>map(String::valueOf).toList()).toList(), false, 0L);
        QueryResult dailyText = new QueryResult(List.of(asText.columns().get(0), asText.columns().get(4)),
                asText.rows().stream().map(r -> List.of(r.get(0), r.get(4))).toList(), false, 0L);
        for (QueryResult result : List.of(wide, byRegion, asText, dailyText)) {
            long[] nanos = new long[rounds];
            String chart = null;
            for (int w = 0; w < 3; w++) {
                VizComponent.source(ChartRecommender.recommend(result).parameters());
            }
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                ChartRecommender.Recommendation chosen = ChartRecommender.recommend(result);
                VizComponent.source(chosen.parameters());
                nanos[r] = System.nanoTime() - t0;
                chart = chosen.chartType();
            }
            java.util.Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%d rows x %d columns (%s) -> %s: median %.1f ms, worst %.1f ms (%d rounds)%n",
                    rows, result.columns().size(), result.columns().stream().allMatch(c -> c.type().equals("VARCHAR"))
                            ? "all VARCHAR" : "typed", chart, nanos[rounds / 2] / 1e6, nanos[rounds - 1] / 1e6, rounds);
        }
    }
}
