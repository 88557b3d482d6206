package io.aide.validation.compare;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows as text, the common form of query results and expected CSV files (null = SQL NULL). */
public record ResultTable(List<String> columns, List<List<String>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    public String value(int row, int column) {
        List<String> r = rows.get(row);
        return column < r.size() ? r.get(column) : null;
    }

    /** An expected-rows CSV (UTF-8, header row, BOM tolerated) as text; short records are padded with NULL. */
    public static ResultTable readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> columns = parser.getHeaderNames().stream().map(h -> h.replace("\ufeff", "").trim()).toList();
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.add(i < r.size() ? r.get(i) : null);
                }
                rows.add(row);
            }
            return new ResultTable(columns, rows);
        }
    }
}
