package io.aide.parser;

/**
 * Hard limits that keep a hostile upload from exhausting memory or time.
 *
 * @param maxBytes              largest file accepted, in bytes
 * @param maxRows               most rows in one sheet (or CSV records)
 * @param maxColumns            most columns in one sheet (or CSV fields per record)
 * @param maxZipEntries         most entries in an xlsx/xlsm container
 * @param maxUncompressedBytes  most bytes all entries of a container may inflate to
 * @param minInflateRatio       smallest compressed/uncompressed ratio of one entry (POI's ZipSecureFile uses 0.01)
 */
public record ParserLimits(long maxBytes, int maxRows, int maxColumns, int maxZipEntries, long maxUncompressedBytes,
                           double minInflateRatio) {

    public ParserLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxZipEntries <= 0 || maxUncompressedBytes <= 0) {
            throw new IllegalArgumentException("parser limits must be positive");
        }
        if (minInflateRatio < 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("minInflateRatio must be in [0, 1)");
        }
    }

    public static ParserLimits defaults() {
        return new ParserLimits(50L * 1024 * 1024, 250_000, 1_024, 1_000, 256L * 1024 * 1024, 0.01);
    }

    public ParserLimits withMaxRows(int rows) {
        return new ParserLimits(maxBytes, rows, maxColumns, maxZipEntries, maxUncompressedBytes, minInflateRatio);
    }

    public ParserLimits withMaxBytes(long bytes) {
        return new ParserLimits(bytes, maxRows, maxColumns, maxZipEntries, maxUncompressedBytes, minInflateRatio);
    }

    public ParserLimits withMaxUncompressedBytes(long bytes) {
        return new ParserLimits(maxBytes, maxRows, maxColumns, maxZipEntries, bytes, minInflateRatio);
    }
}
