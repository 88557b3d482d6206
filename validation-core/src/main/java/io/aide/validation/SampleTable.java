package io.aide.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Sample data for one source table, loaded into the sandbox before it is locked.
 * The name may be qualified ({@code crm.customers}); the schema is created.
 */
public sealed interface SampleTable permits SampleTable.CsvFile, SampleTable.ParquetFile, SampleTable.Rows {
    String name();

    /** A CSV file with a header row; types are detected. */
    record CsvFile(String name, Path file) implements SampleTable {
        public CsvFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    record ParquetFile(String name, Path file) implements SampleTable {
        public ParquetFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Rows from a registered database or synthesized.
     *
     * @param types  DuckDB type per column (VARCHAR when null or missing)
     * @param madeUp the rows were synthesized, so checks about values do not judge them
     */
    record Rows(String name, List<String> columns, List<String> types, List<List<Object>> rows, boolean madeUp)
            implements SampleTable {
        public Rows {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            types = types == null ? List.of() : List.copyOf(types);
            rows = rows == null ? List.of() : rows;
        }

        /** Real rows, e.g. sampled from a registered database. */
        public Rows(String name, List<String> columns, List<String> types, List<List<Object>> rows) {
            this(name, columns, types, rows, false);
        }

        public String typeOf(int column) {
            return column < types.size() && types.get(column) != null ? types.get(column) : "VARCHAR";
        }
    }

    /** CSV or Parquet by file extension. */
    static SampleTable ofFile(String name, Path file) {
        String lower = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".parquet") || lower.endsWith(".pq") ? new ParquetFile(name, file) : new CsvFile(name, file);
    }
}
