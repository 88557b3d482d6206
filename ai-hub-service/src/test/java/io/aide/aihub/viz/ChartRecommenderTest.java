package io.aide.aihub.viz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartRecommenderTest {

    private static QueryResult result(List<QueryResult.Column> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, false, 1L);
    }

    private static QueryResult.Column col(String name, String type) {
        return new QueryResult.Column(name, type);
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
    void shouldClassifySqlTypesByKind() {
        // Given / When / Then
        assertThat(ColumnKind.of("DECIMAL(38,2)")).isEqualTo(ColumnKind.MEASURE);
        assertThat(ColumnKind.of("timestamp with time zone")).isEqualTo(ColumnKind.TIME);
        assertThat(ColumnKind.of("VARCHAR")).isEqualTo(ColumnKind.CATEGORY);
        assertThat(ColumnKind.of(null)).isEqualTo(ColumnKind.CATEGORY);
    }
}
