package io.aide.aihub.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChartRecommenderTest {

    private static QueryResult result(List<QueryResult.Column> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, false, 1L);
    }

    private static QueryResult.Column col(String name, String type) {
        return new QueryResult.Column(name, type);
    }

    private static List<List<Object>> rows(int count, IntFunction<List<Object>> row) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(row.apply(i));
        }
        return out;
    }

    private static String day(int i) {
        return java.time.LocalDate.of(2018, 1, 1).plusDays(i).toString();
    }

    /** Result shapes (column types, rows, so cardinalities and signs) and the chart each must get. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("one row, one measure", List.of(col("total", "HUGEINT")), rows(1, i -> List.of(1672)),
                        "kpi"),
                Arguments.of("one row, two measures", List.of(col("orders", "BIGINT"), col("revenue", "DOUBLE")),
                        rows(1, i -> List.of(99, 1672.5)), "kpi"),
                Arguments.of("5 days, one measure", List.of(col("d", "DATE"), col("orders", "BIGINT")),
                        rows(5, i -> List.of(day(i), i)), "line"),
                Arguments.of("90 days, one measure never negative", List.of(col("d", "DATE"), col("orders", "BIGINT")),
                        rows(90, i -> List.of(day(i), i % 7)), "area"),
                Arguments.of("90 days, one measure sometimes negative", List.of(col("d", "DATE"),
                        col("margin", "DECIMAL(18,2)")), rows(90, i -> List.of(day(i), i % 5 - 2)), "line"),
                Arguments.of("90 timestamps, two measures", List.of(col("ts", "TIMESTAMP"), col("a", "DOUBLE"),
                        col("b", "DOUBLE")), rows(90, i -> List.of(day(i) + " 00:00:00", i, 2 * i)), "line"),
                Arguments.of("3 categories, one measure", List.of(col("status", "VARCHAR"), col("n", "BIGINT")),
                        rows(3, i -> List.of("s" + i, i)), "bar"),
                Arguments.of("150 categories, one measure", List.of(col("customer", "VARCHAR"), col("n", "BIGINT")),
                        rows(150, i -> List.of("c" + i, i)), "bar"),
                Arguments.of("two measures", List.of(col("amount", "INTEGER"), col("discount", "DOUBLE")),
                        rows(40, i -> List.of(i, i / 10.0)), "scatter"),
                Arguments.of("two categories and a measure", List.of(col("region", "VARCHAR"),
                        col("status", "VARCHAR"), col("n", "BIGINT")), rows(4, i -> List.of("r" + i, "s", i)),
                        "table"),
                Arguments.of("text only", List.of(col("first_name", "VARCHAR")), rows(3, i -> List.of("Ann" + i)),
                        "table"),
                Arguments.of("a time, a category and a measure", List.of(col("d", "DATE"), col("status", "VARCHAR"),
                        col("n", "BIGINT")), rows(30, i -> List.of(day(i), "s" + (i % 3), i)), "table"),
                // a sample file's columns come as VARCHAR: what their values are decides
                Arguments.of("text of 69 dates, a count", List.of(col("order_date", "VARCHAR"), col("n", "BIGINT")),
                        rows(69, i -> List.of(day(i), 1 + i % 3)), "area"),
                Arguments.of("text of numbers, twice", List.of(col("id", "VARCHAR"), col("amount", "VARCHAR")),
                        rows(904, i -> List.of(String.valueOf(i + 1), String.valueOf(i * 100))), "scatter"),
                Arguments.of("text of one number", List.of(col("amount", "VARCHAR")), rows(1, i -> List.of("1672.5")),
                        "kpi"),
                Arguments.of("text of codes with leading zeros, a count", List.of(col("zip", "VARCHAR"),
                        col("n", "BIGINT")), rows(5, i -> List.of("0100" + i, i)), "bar"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("shapes")
    void shouldChooseTheChartOfEachResultShape(String shape, List<QueryResult.Column> columns,
                                               List<List<Object>> rows, String chart) {
        // Given a result of this shape / When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(result(columns, rows));
        // Then
        assertThat(chosen.chartType()).as(shape + ": " + chosen.reason()).isEqualTo(chart);
        assertThat(chosen.parameters()).containsEntry("chart_type", chart);
    }

    @Test
    void shouldChooseAnAreaForADenseSeriesOfOneMeasureThatIsNeverNegative() {
        // Given 30 days of order counts, and the same days with one negative value
        List<QueryResult.Column> columns = List.of(col("order_date", "DATE"), col("orders", "BIGINT"));
        QueryResult counts = result(columns, rows(30, i -> List.of(day(i), i)));
        QueryResult withLoss = result(columns, rows(30, i -> List.of(day(i), i == 12 ? -1 : i)));
        // When
        ChartRecommender.Recommendation area = ChartRecommender.recommend(counts);
        ChartRecommender.Recommendation line = ChartRecommender.recommend(withLoss);
        // Then
        assertThat(area.chartType()).isEqualTo("area");
        assertThat(area.x()).isEqualTo("order_date");
        assertThat(area.y()).containsExactly("orders");
        assertThat(area.reason()).contains("30 values").contains("never negative");
        assertThat(line.chartType()).isEqualTo("line");
    }

    @Test
    void shouldChooseLineForATimeColumnWithMeasures() {
        // Given
        QueryResult r = result(List.of(col("order_date", "DATE"), col("revenue", "DECIMAL(18,2)")),
                List.of(List.of("2018-01-01", 10.5), List.of("2018-01-02", 12)));
        // When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(r);
        // Then
        assertThat(chosen.chartType()).isEqualTo("line");
        assertThat(chosen.x()).isEqualTo("order_date");
        assertThat(chosen.y()).containsExactly("revenue");
        assertThat(chosen.title()).isEqualTo("Revenue by Order date");
    }

    @Test
    void shouldChooseBarForOneCategoryWithAMeasure() {
        // Given
        QueryResult r = result(List.of(col("status", "VARCHAR"), col("orders", "BIGINT")),
                List.of(List.of("placed", 13), List.of("shipped", 20), List.of("returned", 4)));
        // When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(r);
        // Then
        assertThat(chosen.chartType()).isEqualTo("bar");
        assertThat(chosen.x()).isEqualTo("status");
        assertThat(chosen.sort()).isEqualTo("none");
        assertThat(chosen.limit()).isNull();
        assertThat(chosen.cardinalities()).containsEntry("status", 3);
    }

    @Test
    void shouldKeepTheTopBarsWhenACategoryHasManyValues() {
        // Given
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(List.of("customer " + i, i));
        }
        QueryResult r = result(List.of(col("customer", "VARCHAR"), col("lifetime_value", "DOUBLE")), rows);
        // When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(r);
        // Then
        assertThat(chosen.chartType()).isEqualTo("bar");
        assertThat(chosen.sort()).isEqualTo("desc");
        assertThat(chosen.limit()).isEqualTo(ChartRecommender.BAR_LIMIT);
        assertThat(chosen.reason()).contains("150 values");
    }

    @Test
    void shouldChooseScatterForTwoMeasures() {
        // Given
        QueryResult r = result(List.of(col("amount", "INTEGER"), col("discount", "DOUBLE")),
                List.of(List.of(1, 0.1), List.of(2, 0.3)));
        // When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(r);
        // Then
        assertThat(chosen.chartType()).isEqualTo("scatter");
        assertThat(chosen.x()).isEqualTo("amount");
        assertThat(chosen.y()).containsExactly("discount");
    }

    @Test
    void shouldChooseKpiForASingleValue() {
        // Given
        QueryResult r = result(List.of(col("total_revenue", "HUGEINT")), List.of(List.of(1672)));
        // When
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(r);
        // Then
        assertThat(chosen.chartType()).isEqualTo("kpi");
        assertThat(chosen.y()).containsExactly("total_revenue");
    }

    @Test
    void shouldFallBackToATableWhenNoChartFits() {
        // Given two categories and a measure, and a result of text only
        QueryResult twoCategories = result(List.of(col("region", "VARCHAR"), col("status", "VARCHAR"),
                col("orders", "BIGINT")), List.of(List.of("north", "placed", 3)));
        QueryResult text = result(List.of(col("first_name", "VARCHAR")), List.of(List.of("Ann")));
        // When
        ChartRecommender.Recommendation a = ChartRecommender.recommend(twoCategories);
        ChartRecommender.Recommendation b = ChartRecommender.recommend(text);
        // Then
        assertThat(a.chartType()).isEqualTo("table");
        assertThat(a.reason()).contains("2 category column(s)");
        assertThat(b.chartType()).isEqualTo("table");
        assertThat(b.limit()).isEqualTo(ChartRecommender.TABLE_LIMIT);
    }

    @Test
    void shouldWriteAComponentWithTheChosenParametersAsDefaults() {
        // Given
        QueryResult r = result(List.of(col("status", "VARCHAR"), col("orders", "BIGINT")),
                List.of(List.of("placed", 13)));
        // When
        String source = VizComponent.source(ChartRecommender.recommend(r).parameters());
        // Then
        assertThat(source).contains("export default function Viz({ data, params })");
        assertThat(source).contains("const CHOSEN = {\"title\":\"Orders by Status\",\"chart_type\":\"bar\"");
        assertThat(source).doesNotContain("/*CHOSEN*/").doesNotContain("import ");
    }

    @Test
    void shouldReadATextColumnAsWhatItsValuesAre() {
        // Given
        List<List<Object>> rows = List.of(java.util.Arrays.asList("12", "2018-01-02", "2018-01-02T10:00:00Z", "007",
                "placed", null), java.util.Arrays.asList("-3.5", "2018-01-03", "2018-01-03 11:30", "012", "12", null));
        // When / Then
        assertThat(ColumnKind.of("VARCHAR", rows, 0)).isEqualTo(ColumnKind.MEASURE);
        assertThat(ColumnKind.of("VARCHAR", rows, 1)).isEqualTo(ColumnKind.TIME);
        assertThat(ColumnKind.of("TEXT", rows, 2)).isEqualTo(ColumnKind.TIME);
        assertThat(ColumnKind.of("VARCHAR", rows, 3)).isEqualTo(ColumnKind.CATEGORY);
        assertThat(ColumnKind.of("VARCHAR", rows, 4)).isEqualTo(ColumnKind.CATEGORY);
        assertThat(ColumnKind.of("VARCHAR", rows, 5)).isEqualTo(ColumnKind.CATEGORY);
        assertThat(ColumnKind.of("BIGINT", rows, 4)).isEqualTo(ColumnKind.MEASURE);
    }

    @Test
    void shouldClassifySqlTypesByKind() {
        // Given / When / Then
        assertThat(ColumnKind.of("DECIMAL(38,2)")).isEqualTo(ColumnKind.MEASURE);
        assertThat(ColumnKind.of("timestamp with time zone")).isEqualTo(ColumnKind.TIME);
        assertThat(ColumnKind.of("VARCHAR")).isEqualTo(ColumnKind.CATEGORY);
        assertThat(ColumnKind.of(null)).isEqualTo(ColumnKind.CATEGORY);
    }
}
