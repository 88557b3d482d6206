package io.aide.validation.compare;

/**
 * @param detail first differing row, flag reason or error; null when the column matches
 * @param differingRows aligned rows whose values differ (0 unless mismatch)
 */
public record ColumnResult(String column, ColumnStatus status, String mappingRef, String detail, int differingRows) {
}
