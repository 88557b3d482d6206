package io.aide.document.service;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the reference files sent with a mapping document (data dictionaries, lookups, config) before anything is
 * stored: how many, how large, a format the parser reads, one file per name. Whether their content is readable is
 * the parser's call: an unreadable one becomes a diagnostic of the parse, not a refused upload. Pure; no framework.
 */
public final class ReferenceUploads {
    /** What mapping-parser's ParseOptions.withReferenceFiles reads (csv/tsv/txt, workbooks, yaml, json). */
    public static final Set<String> EXTENSIONS = Set.of("csv", "tsv", "txt", "xlsx", "xlsm", "xls", "yaml", "yml", "json");

    public record Limits(int maxFiles, long maxBytesPerFile) {
    }

    private ReferenceUploads() {
    }

    /**
     * @return the files' safe names (as stored under {@code reference/}), in upload order
     * @throws DocumentServiceException 4xx naming the file when one is refused
     */
    public static List<String> check(List<UploadedFile> files, Limits limits) {
        if (files.size() > limits.maxFiles()) {
            throw refused(422, "too_many", files.size() + " reference files were sent; the limit is "
                    + limits.maxFiles() + ". Put related lookups into one workbook (one sheet each) or send fewer.");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (UploadedFile file : files) {
            if (file.fileName() == null || file.fileName().isBlank() || file.path() == null) {
                throw refused(400, "upload", "A part of the multipart field 'reference' has no file name. Send each"
                        + " reference file as a file part with its name (e.g. data_dictionary.xlsx).");
            }
            String name = Keys.safeFileName(file.fileName());
            String ext = Keys.extension(name);
            if (!EXTENSIONS.contains(ext)) {
                throw refused(415, "unsupported_format", "Reference file '" + name + "' is not a format the parser"
                        + " reads as reference data. Send lookups and dictionaries as .csv, .tsv, .xlsx or .xls and"
                        + " parameters as .yaml or .json.");
            }
            long size = size(file);
            if (size == 0) {
                throw refused(422, "empty", "Reference file '" + name + "' is empty. Send it with its content.");
            }
            if (size > limits.maxBytesPerFile()) {
                throw refused(413, "too_large", "Reference file '" + name + "' is " + size + " bytes; the limit is "
                        + limits.maxBytesPerFile() + " bytes per reference file. Keep only the tables the mapping"
                        + " refers to.");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw refused(422, "duplicate_name", "Two reference files are named '" + name + "'. Give each"
                        + " reference file a unique name: its name is how the mapping refers to it.");
            }
            names.add(name);
        }
        return names;
    }

    private static long size(UploadedFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            throw new IllegalStateException("uploaded temp file of " + file.fileName() + " vanished", e);
        }
    }

    private static DocumentServiceException refused(int status, String code, String detail) {
        return new DocumentServiceException(status, "bad_reference_file:" + code, "Reference file refused", detail);
    }
}
