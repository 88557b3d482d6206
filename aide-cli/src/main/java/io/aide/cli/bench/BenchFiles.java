package io.aide.cli.bench;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The files a user would upload for the synthetic benchmark mapping: the mapping as CSV, its lookup, sample tables. */
final class BenchFiles {
    /** Headers the mapping parser recognises by its synonyms, one canonical field each. */
    static final List<String> MAPPING_HEADERS = List.of("Target Table", "Target Column", "Target Data Type",
            "Source Table", "Source Column", "Transformation Rule", "Join Condition", "Filter", "Primary Key",
            "Nullable", "Default");
    static final int SAMPLE_ROWS = 6;

    private BenchFiles() {
    }

    /** One CSV line a mapping row, in the order of {@link #MAPPING_HEADERS}. */
    static String mappingCsv(MappingSpec spec) {
        List<List<String>> records = new ArrayList<>();
        records.add(MAPPING_HEADERS);
        for (MappingRow row : spec.rows()) {
            records.add(List.of(row.targetTable(), row.targetColumn(), blank(row.targetType()), blank(row.sourceTable()),
                    blank(row.rawSource()), blank(row.transformation()), blank(row.join()), blank(row.filter()),
                    row.key() ? "Y" : "N", row.nullable() == null ? "" : row.nullable() ? "Y" : "N",
                    blank(row.defaultValue())));
        }
        return csv(records);
    }

    /** The upload file name of a reference table: {@code ref.mode_map} is read back from {@code mode_map.csv}. */
    static String referenceFileName(ReferenceTable table) {
        String name = table.name();
        return name.substring(name.lastIndexOf('.') + 1) + ".csv";
    }

    static String referenceCsv(ReferenceTable table) {
        List<List<String>> records = new ArrayList<>();
        records.add(table.columns());
        records.addAll(table.rows());
        return csv(records);
    }

    /** A few plausible rows of a source table, so the data source's inferred schema has every column the mapping reads. */
    static String sampleCsv(List<String> columns) {
        List<List<String>> records = new ArrayList<>();
        records.add(columns);
        for (int i = 0; i < SAMPLE_ROWS; i++) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(sampleValue(column, i));
            }
            records.add(values);
        }
        return csv(records);
    }

    private static String sampleValue(String column, int i) {
        return switch (column) {
            case "id" -> Integer.toString(i + 1);
            case "order_id" -> Integer.toString(i % 3 + 1);
            case "code" -> "C" + (100 + i);
            case "amount" -> Integer.toString(1250 + 375 * i);
            case "status" -> i % 2 == 0 ? "A" : "I";
            case "raw_date" -> String.format(Locale.ROOT, "%02d-Jan-24", i + 1);
            case "mode" -> i % 2 == 0 ? "Air" : "Truck";
            case "first_name" -> List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald").get(i % 6);
            case "last_name" -> List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth").get(i % 6);
            case "order_date" -> String.format(Locale.ROOT, "2024-01-%02d", i + 1);
            default -> column + "_" + i;
        };
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String csv(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
