package io.aide.aihub.modeler;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one column is, read from its declared type and, when the type says only "text" (sample files), from its
 * sample values: the logical type, and on the sample how many values are present and distinct.
 *
 * @param sampled   number of sample rows read, 0 without a sample
 * @param nonNull   sample values that are present (not empty, NULL, NA)
 * @param distinct  distinct present values on the sample
 */
public record ColumnProfile(String name, String declaredType, LogicalType type, boolean nullable, int sampled,
                            int nonNull, int distinct) {
    public enum LogicalType { INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN, TEXT;
        public boolean numeric() {
            return this == INTEGER || this == DECIMAL;
        }

        public boolean temporal() {
            return this == DATE || this == TIMESTAMP;
        }
    }

    private static final Set<String> NULLS = Set.of("", "null", "na", "n/a", "nan", "none");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-[A-Za-z]{3}-\\d{2,4}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}/\\d{1,2}/\\d{1,2}");
    private static final Pattern TIMESTAMP = Pattern.compile("(" + DATE.pattern() + ")[T ]\\d{1,2}:\\d{2}(:\\d{2}.*)?");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");
    /** Share of present sample values that must read as a type for a text column to be taken as that type. */
    private static final double TYPE_SHARE = 0.95;

    public static boolean isNull(String value) {
        return value == null || NULLS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    public static ColumnProfile of(SchemaSnapshot.Column column, List<String> sample) {
        LogicalType declared = fromDeclared(column.type());
        int nonNull = 0;
        Set<String> distinct = new HashSet<>();
        int integers = 0;
        int decimals = 0;
        int dates = 0;
        int timestamps = 0;
        int booleans = 0;
        for (String raw : sample) {
            if (isNull(raw)) {
                continue;
            }
            String v = raw.strip();
            nonNull++;
            distinct.add(v);
            if (INTEGER.matcher(v).matches()) {
                integers++;
            }
            if (DECIMAL.matcher(v).matches()) {
                decimals++;
            }
            if (DATE.matcher(v).matches()) {
                dates++;
            }
            if (TIMESTAMP.matcher(v).matches()) {
                timestamps++;
            }
            if (BOOLEAN.matcher(v).matches()) {
                booleans++;
            }
        }
        LogicalType type = declared;
        if (declared == LogicalType.TEXT && nonNull > 0) {
            double need = nonNull * TYPE_SHARE;
            if (integers >= need) {
                type = LogicalType.INTEGER;
            } else if (decimals >= need) {
                type = LogicalType.DECIMAL;
            } else if (dates + timestamps >= need) {
                type = timestamps > 0 ? LogicalType.TIMESTAMP : LogicalType.DATE;
            } else if (booleans >= need) {
                type = LogicalType.BOOLEAN;
            }
        }
        return new ColumnProfile(column.name(), column.type(), type, column.nullable(), sample.size(), nonNull,
                distinct.size());
    }

    static LogicalType fromDeclared(String declared) {
        String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
        if (t.startsWith("timestamp") || t.startsWith("datetime")) {
            return LogicalType.TIMESTAMP;
        }
        if (t.startsWith("date")) {
            return LogicalType.DATE;
        }
        if (t.startsWith("bool") || t.equals("bit") || t.equals("tinyint(1)")) {
            return LogicalType.BOOLEAN;
        }
        if (t.matches("(big|small|tiny|medium)?int(eger)?\\d*(\\(\\d+\\))?( unsigned)?|int[248]|serial|bigserial|smallserial")) {
            return LogicalType.INTEGER;
        }
        if (t.matches("(numeric|decimal|number|double( precision)?|float\\d*|real|money).*")) {
            return LogicalType.DECIMAL;
        }
        return LogicalType.TEXT;
    }

    public boolean hasSample() {
        return sampled > 0;
    }

    /** Every present sample value differs from the others, and none is missing: a key on the sample. */
    public boolean uniqueOnSample() {
        return sampled > 0 && nonNull == sampled && distinct == nonNull;
    }

    /** The name reads as an identifier: id, customer_id, customerId, order_key, usubjid. */
    public boolean identifierName() {
        return Names.isIdentifier(name);
    }
}
