package io.aide.parser;

import java.util.List;

/**
 * Result of the container-level check of an upload (no cell is read).
 *
 * @param format             sniffed from the bytes: xlsx | xlsm | xls | csv | tsv
 * @param sizeBytes          file size
 * @param zipEntries         entries of an OOXML container, 0 otherwise
 * @param uncompressedBytes  bytes the container inflates to, 0 otherwise
 * @param sheets             sheet names in workbook order (for csv/tsv: the file name without extension)
 */
public record FileInspection(String fileName, String format, long sizeBytes, int zipEntries, long uncompressedBytes,
                             List<String> sheets) {
    public FileInspection {
        sheets = sheets == null ? List.of() : List.copyOf(sheets);
    }
}
