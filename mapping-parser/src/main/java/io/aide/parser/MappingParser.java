package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SheetInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads an analyst's mapping document (.xlsx, .xlsm, .xls, .csv, .tsv) into the canonical {@link MappingSpec}.
 * Thread-safe: every call works on its own state. Refused files raise {@link MappingFileException}; a document
 * with some bad rows still yields its good rows, the bad ones as diagnostics.
 */
public final class MappingParser {

    private final ParserLimits limits;

    public MappingParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public MappingParser() {
        this(ParserLimits.defaults());
    }

    public ParserLimits limits() {
        return limits;
    }

    /** Container-level check (format sniffed from the bytes, encryption, zip bomb, corrupt, empty); no cell is read. */
    public FileInspection inspect(Path file, String fileName) throws MappingFileException {
        return new ContainerInspector(limits).inspect(file, name(file, fileName)).inspection();
    }

    public MappingSpec parse(InputStream in, String fileName, ParseOptions options) throws MappingFileException {
        String name = fileName == null ? "upload" : fileName;
        Path tmp = null;
        try {
            tmp = Files.createTempFile("aide-mapping-", ".upload");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxBytes()) {
                        throw new MappingFileException(MappingFileException.TOO_LARGE, name, name + " is larger than "
                                + ContainerInspector.mb(limits.maxBytes()) + ", the most a mapping document may have. "
                                + "Remove sheets that are not part of the mapping, or split the document.");
                    }
                    out.write(buf, 0, n);
                }
            }
            return parse(tmp, name, options);
        } catch (IOException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, name, name + " could not be received ("
                    + e.getMessage() + "). Upload it again.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file cleanup is best effort
                }
            }
        }
    }

    public MappingSpec parse(Path file, String fileName, ParseOptions options) throws MappingFileException {
        String name = name(file, fileName);
        ParseOptions opts = options == null ? ParseOptions.defaults() : options;
        Container container = new ContainerInspector(limits).inspect(file, name);
        ParseContext ctx = new ParseContext(name, opts, limits);
        String format = container.format();
        switch (format) {
            case "xlsx", "xlsm" -> new XlsxReader().read(file, container, ctx);
            case "xls" -> new XlsReader().read(file, ctx);
            case "csv", "tsv" -> new CsvReader().read(file, ContainerInspector.baseName(name), format.equals("tsv"),
                    ctx);
            default -> throw new MappingFileException(MappingFileException.UNSUPPORTED_FORMAT, name, name
                    + " is not a supported format; upload .xlsx, .xlsm, .xls, .csv or .tsv.");
        }
        boolean anyMapping = ctx.sheets.stream().anyMatch(s -> "mapping".equals(s.role()));
        if (!anyMapping) {
            boolean anyCell = ctx.sheets.stream().anyMatch(s -> s.rowsRead() > 0);
            if (!anyCell) {
                throw new MappingFileException(MappingFileException.EMPTY, name, name + " has no cells with content"
                        + (ctx.sheets.size() > 1 ? " on any of its " + ctx.sheets.size() + " sheets" : "")
                        + ". Upload the mapping document with its header and rows.");
            }
            throw new MappingFileException(MappingFileException.NOT_A_MAPPING, name, name + " has no sheet with a "
                    + "mapping header (" + describeSheets(ctx.sheets) + "). A mapping needs a header row with a "
                    + "target column and at least a source column or a transformation rule, e.g. 'Target Table | "
                    + "Target Column | Source Table | Source Column | Transformation Rule'. Rename the headers, or "
                    + "tell AIDE which header is which with header overrides.");
        }
        List<ReferenceTable> refs = new ArrayList<>(ctx.referenceTables);
        for (Path ref : opts.referenceFiles()) {
            try {
                refs.addAll(new ReferenceFiles(limits).read(ref));
            } catch (MappingFileException e) {
                ctx.diagnostic(Diagnostic.ERROR, "reference_file_unreadable", e.getMessage(), null, null);
            }
        }
        for (Map.Entry<String, String> o : opts.headerOverrides().entrySet()) {
            HeaderOverrideKey key = HeaderOverrideKey.parse(o.getKey());
            if (key.field() == null || io.aide.events.spec.MappingField.fromKey(key.field()) == null) {
                continue;
            }
            String header = o.getValue() == null ? "" : o.getValue().strip();
            boolean used = ctx.headerMapping.entrySet().stream()
                    .filter(e -> key.sheet() == null || e.getKey().equalsIgnoreCase(key.sheet()))
                    .anyMatch(e -> header.equalsIgnoreCase(String.valueOf(e.getValue().get(key.field())).strip()));
            if (!used) {
                ctx.diagnostic(Diagnostic.WARNING, "header_override_not_found", "Header override " + o.getKey()
                        + " = '" + o.getValue() + "' matches no header cell of "
                        + (key.sheet() == null ? "a mapping sheet" : "mapping sheet '" + key.sheet() + "'")
                        + ".", null, null);
            }
        }
        return new MappingSpec(opts.documentId(), opts.tenantId(), opts.version(), name, format, ctx.headerMapping,
                ctx.sheets, ctx.rows, refs, ctx.diagnostics(), ctx.notes);
    }

    private static String describeSheets(List<SheetInfo> sheets) {
        return sheets.stream().map(s -> "'" + s.name() + "': " + s.reason()).collect(Collectors.joining("; "));
    }

    private static String name(Path file, String fileName) {
        if (fileName != null && !fileName.isBlank()) {
            return fileName;
        }
        return file.getFileName().toString();
    }
}
