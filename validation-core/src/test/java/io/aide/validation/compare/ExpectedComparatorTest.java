package io.aide.validation.compare;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedComparatorTest {
    private final ExpectedComparator comparator = new ExpectedComparator();

    private static ResultTable table(String header, String... rows) {
        return new ResultTable(List.of(header.split(",", -1)),
                Arrays.stream(rows).map(r -> Arrays.stream(r.split(",", -1)).map(v -> v.equals("\\N") ? null : v).toList()).toList());
    }

    private static DefinedColumn col(String name) {
        return new DefinedColumn(name, "@mapping[M:" + name.length() + "]", false, null);
    }

    @Test
    void shouldMatchAfterTypeAwareNormalisation() {
        // Given numbers, dates, booleans and NULLs written differently on each side, rows in another order
        ResultTable expected = table("id,amount,day,flag,note", "1,10.0,2018-01-01,1,", "2,0.1,2018-01-02,no,x");
        ResultTable actual = table("id,amount,day,flag,note", "2,0.1000000001,2018-01-02 00:00:00,false,x", "1,10,2018-01-01,true,\\N");

        // When
        TargetComparison result = comparator.compare("t", List.of("id"),
                List.of(col("id"), col("amount"), col("day"), col("flag"), col("note")), actual, expected);

        // Then
        assertThat(result.columns()).extracting(ColumnResult::status).containsOnly(ColumnStatus.MATCH);
    }

    @Test
    void shouldReportTheFirstDifferingRowOfAMismatch() {
        // Given
        ResultTable expected = table("id,amount", "1,10.0", "2,20.0", "3,30.0");
        ResultTable actual = table("id,amount", "1,10.0", "2,21.0", "3,31.0");

        // When
        TargetComparison result = comparator.compare("t", List.of("id"), List.of(col("id"), col("amount")), actual, expected);

        // Then
        ColumnResult amount = result.columns().get(1);
        assertThat(amount.status()).isEqualTo(ColumnStatus.MISMATCH);
        assertThat(amount.detail()).contains("id=2").contains("expected '20.0', got '21.0'").contains("2 rows differ");
        assertThat(amount.differingRows()).isEqualTo(2);
    }

    @Test
    void shouldKeepFlaggedColumnsAndSeparateColumnsTheMappingDoesNotDefine() {
        // Given
        ResultTable expected = table("id,helper,todo", "1,a,b");
        ResultTable actual = table("id,todo", "1,\\N");
        List<DefinedColumn> defined = List.of(col("id"), new DefinedColumn("todo", "@mapping[M:3]", true, "rule not understood"));

        // When
        TargetComparison result = comparator.compare("t", List.of(), defined, actual, expected);

        // Then
        assertThat(result.columns()).extracting(ColumnResult::column, ColumnResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", ColumnStatus.MATCH),
                org.assertj.core.groups.Tuple.tuple("todo", ColumnStatus.FLAGGED),
                org.assertj.core.groups.Tuple.tuple("helper", ColumnStatus.NOT_IN_SPEC));
        assertThat(result.scoredColumns()).isEqualTo(2);
    }

    @Test
    void shouldMarkMissingRowsAsMismatchOnEveryColumn() {
        // Given the view lost row 2
        ResultTable expected = table("id,name", "1,a", "2,b");
        ResultTable actual = table("id,name", "1,a");

        // When
        TargetComparison result = comparator.compare("t", List.of("id"), List.of(col("id"), col("name")), actual, expected);

        // Then
        assertThat(result.columns()).extracting(ColumnResult::status).containsOnly(ColumnStatus.MISMATCH);
        assertThat(result.columns().get(1).detail()).contains("id=2").contains("no such row");
    }

    @Test
    void shouldAlignOnTheMappingKeyWhenItIsComputedAndUniqueOnBothSides() {
        // Given
        ResultTable expected = table("id,name", "1,a", "2,b");
        ResultTable actual = table("id,name", "2,b", "1,a");

        // When
        TargetComparison result = comparator.compare("t", List.of("id"), List.of(col("id"), col("name")), actual, expected);

        // Then
        assertThat(result.alignment()).isEqualTo(TargetComparison.KEY);
        assertThat(result.alignedOn()).containsExactly("id");
        assertThat(result.alignmentDescription()).isEqualTo("aligned on key id");
        assertThat(result.columns()).extracting(ColumnResult::status).containsOnly(ColumnStatus.MATCH);
    }

    @Test
    void shouldAlignOnAnotherUniqueMatchingColumnWhenTheKeyIsFlagged() {
        // Given the key is flagged (the view has NULL there), the name column is right and unique
        ResultTable expected = table("id,name,amount", "1,a,10", "2,b,20", "3,c,30");
        ResultTable actual = table("id,name,amount", "\\N,c,30", "\\N,a,10", "\\N,b,20");
        List<DefinedColumn> defined = List.of(new DefinedColumn("id", "@mapping[M:2]", true, "rule not understood"),
                col("name"), col("amount"));

        // When
        TargetComparison result = comparator.compare("t", List.of("id"), defined, actual, expected);

        // Then
        assertThat(result.alignment()).isEqualTo(TargetComparison.UNIQUE_COLUMNS);
        assertThat(result.alignedOn()).containsExactly("name");
        assertThat(result.note()).contains("the key id is flagged");
        assertThat(result.columns()).extracting(ColumnResult::status)
                .containsExactly(ColumnStatus.FLAGGED, ColumnStatus.MATCH, ColumnStatus.MATCH);
    }

    @Test
    void shouldNotAlignOnAKeyThatIsNotUniqueInTheView() {
        // Given the key holds one value twice in the view; the amount column identifies the rows
        ResultTable expected = table("id,amount", "1,10", "2,20");
        ResultTable actual = table("id,amount", "1,20", "1,10");

        // When
        TargetComparison result = comparator.compare("t", List.of("id"), List.of(col("id"), col("amount")), actual, expected);

        // Then
        assertThat(result.alignment()).isEqualTo(TargetComparison.UNIQUE_COLUMNS);
        assertThat(result.note()).contains("not unique (or NULL) in the view");
        assertThat(result.columns()).extracting(ColumnResult::status).containsExactly(ColumnStatus.MISMATCH, ColumnStatus.MATCH);
        assertThat(result.columns().get(0).detail()).contains("amount=20").contains("expected '2', got '1'");
    }

    @Test
    void shouldCompareEachColumnAsAMultisetWhenNoColumnSetIsUnique() {
        // Given a constant first column and repeated terms, the rows in another order
        ResultTable expected = table("domain,term", "CM,a", "CM,b", "CM,b");
        ResultTable actual = table("domain,term", "CM,b", "CM,a", "CM,b");

        // When
        TargetComparison result = comparator.compare("t", List.of(), List.of(col("domain"), col("term")), actual, expected);

        // Then
        assertThat(result.alignment()).isEqualTo(TargetComparison.MULTISET);
        assertThat(result.alignedOn()).isEmpty();
        assertThat(result.note()).contains("multiset");
        assertThat(result.columns()).extracting(ColumnResult::status).containsOnly(ColumnStatus.MATCH);
    }

    @Test
    void shouldReportAMismatchWhenTheValuesDifferAsMultisets() {
        // Given numbers within the tolerance and one value that is wrong
        ResultTable expected = table("domain,term,amount", "CM,a,1.0", "CM,a,1.0");
        ResultTable actual = table("domain,term,amount", "CM,a,1.0000000001", "CM,c,1");

        // When
        TargetComparison result = comparator.compare("t", List.of(), List.of(col("domain"), col("term"), col("amount")),
                actual, expected);

        // Then
        assertThat(result.alignment()).isEqualTo(TargetComparison.MULTISET);
        assertThat(result.columns()).extracting(ColumnResult::status)
                .containsExactly(ColumnStatus.MATCH, ColumnStatus.MISMATCH, ColumnStatus.MATCH);
        assertThat(result.columns().get(1).detail()).contains("1 expected values the view lacks (e.g. 'a')")
                .contains("1 values of the view not expected (e.g. 'c')");
        assertThat(result.columns().get(1).differingRows()).isEqualTo(1);
    }

    @Test
    void shouldTurnCompiledColumnsIntoErrorsWhenTheSqlFailed() {
        // Given
        ResultTable expected = table("id,name", "1,a");
        List<DefinedColumn> defined = List.of(col("id"), new DefinedColumn("name", null, true, "no rule"));

        // When
        TargetComparison result = comparator.failed("t", defined, expected, "Binder Error: column x not found");

        // Then
        assertThat(result.columns()).extracting(ColumnResult::status).containsExactly(ColumnStatus.ERROR, ColumnStatus.FLAGGED);
        assertThat(result.columns().get(0).detail()).contains("Binder Error");
    }
}
