package io.aide.validation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a CSV file's header to name its dialect and columns to DuckDB, so DuckDB need not sniff the file. */
final class CsvHeader {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvHeader() {
    }

    /** read_csv arguments for a plain CSV with a header (every column VARCHAR), or null when the header is unusual. */
    static String readCsvArguments(Path file) {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (line == null || line.isBlank()) {
            return null;
        }
        line = line.replace("\ufeff", "");
        char delimiter = ',';
        long best = -1;
        for (char d : DELIMITERS) {
            long n = line.chars().filter(c -> c == d).count();
            if (n > best) {
                best = n;
                delimiter = d;
            }
        }
        List<String> names;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            names = records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        StringBuilder columns = new StringBuilder("{");
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty() || !seen.add(name.toLowerCase(Locale.ROOT))) {
                return null;
            }
            columns.append(columns.length() > 1 ? ", " : "").append(DuckDbSandbox.literal(name)).append(": 'VARCHAR'");
        }
        columns.append("}");
        return "header=true, auto_detect=false, delim=" + DuckDbSandbox.literal(String.valueOf(delimiter))
                + ", quote='\"', escape='\"', columns=" + columns;
    }
}
