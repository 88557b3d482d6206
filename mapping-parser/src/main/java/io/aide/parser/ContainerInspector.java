package io.aide.parser;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Sniffs the real format of an upload from its bytes and checks the container before any cell is read. */
final class ContainerInspector {

    private static final int SCAN_BYTES = 64 * 1024;
    /** Like POI's ZipSecureFile: small entries may compress very well without being a bomb. */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    private final ParserLimits limits;

    ContainerInspector(ParserLimits limits) {
        this.limits = limits;
    }

    Container inspect(Path file, String fileName) throws MappingFileException {
        long size;
        byte[] head;
        try {
            size = Files.size(file);
            head = readHead(file);
        } catch (IOException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName,
                    fileName + " could not be read (" + e.getMessage() + "). Upload the file again.", e);
        }
        if (size == 0) {
            throw new MappingFileException(MappingFileException.EMPTY, fileName,
                    fileName + " is empty (0 bytes). Upload the mapping document itself, saved as .xlsx or .csv.");
        }
        if (size > limits.maxBytes()) {
            throw new MappingFileException(MappingFileException.TOO_LARGE, fileName, fileName + " is "
                    + mb(size) + ", more than the " + mb(limits.maxBytes()) + " a mapping document may have. "
                    + "Remove data sheets that are not part of the mapping, or split the document.");
        }
        String ext = extension(fileName);
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return inspectZip(file, fileName, ext, size);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return inspectOle2(file, fileName, ext, size);
        }
        String other = otherKnownFormat(head);
        if (other != null) {
            if (isSpreadsheetExtension(ext)) {
                throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName
                        + " is " + other + ", not " + describeExtension(ext)
                        + ". Upload the mapping as an Excel workbook (.xlsx, .xls) or a CSV file.");
            }
            throw unsupported(fileName, other);
        }
        if (looksBinary(head)) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName
                    + " is neither a workbook nor a text file (binary content that no spreadsheet format "
                    + "recognises). Open it in Excel, save it as .xlsx, and upload that file.");
        }
        if (isBlankText(head) && size <= SCAN_BYTES) {
            throw new MappingFileException(MappingFileException.EMPTY, fileName,
                    fileName + " contains only blank lines. Upload the mapping document with its header and rows.");
        }
        String trimmed = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("<")) {
            throw new MappingFileException(MappingFileException.UNSUPPORTED_FORMAT, fileName, fileName
                    + " is an HTML or XML document (for example an old 'XML Spreadsheet 2003' or a web page saved "
                    + "as " + describeExtension(ext) + "). Open it in Excel, save it as .xlsx, and upload that file.");
        }
        if (ext.equals("xlsx") || ext.equals("xlsm") || ext.equals("xls")) {
            throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName
                    + " is a text file, not " + describeExtension(ext)
                    + ". If it is comma- or tab-separated, rename it to .csv and upload it again.");
        }
        if (!(ext.equals("csv") || ext.equals("tsv") || ext.equals("txt") || ext.isEmpty())) {
            throw unsupported(fileName, "a ." + ext + " file");
        }
        String format = ext.equals("tsv") ? "tsv" : "csv";
        String sheet = baseName(fileName);
        return new Container(new FileInspection(fileName, format, size, 0, 0, List.of(sheet)), List.of(), Map.of());
    }

    private Container inspectZip(Path file, String fileName, String ext, long size) throws MappingFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxZipEntries()) {
                throw new MappingFileException(MappingFileException.ZIP_BOMB, fileName, fileName + " contains "
                        + zip.size() + " parts, more than the " + limits.maxZipEntries()
                        + " a workbook may have. Re-save it in Excel as a plain .xlsx and upload that file.");
            }
            if (zip.getEntry("xl/workbook.xml") == null && !declaresWorkbook(zip)) {
                String what = zip.getEntry("xl/workbook.bin") != null
                        ? "an Excel binary workbook (.xlsb; save it as .xlsx)"
                        : zip.getEntry("word/document.xml") != null ? "a Word document"
                        : zip.getEntry("ppt/presentation.xml") != null ? "a PowerPoint presentation"
                        : zip.getEntry("content.xml") != null ? "an OpenDocument file (save it as .xlsx)"
                        : "a zip archive";
                if (zip.size() == 0) {
                    throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName
                            + " is an empty zip container, not a workbook. Re-save it in Excel and upload it again.");
                }
                if (isSpreadsheetExtension(ext)) {
                    throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName
                            + " is " + what + ", not " + describeExtension(ext)
                            + ". Upload the mapping as an Excel workbook (.xlsx) or a CSV file.");
                }
                throw unsupported(fileName, what);
            }
            if (ext.equals("csv") || ext.equals("tsv") || ext.equals("txt")) {
                throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName
                        + " is an Excel workbook (.xlsx), not a " + ext.toUpperCase(Locale.ROOT)
                        + " file. Rename it to .xlsx, or export it from Excel as CSV, and upload it again.");
            }
            boolean macro = zip.getEntry("xl/vbaProject.bin") != null || ext.equals("xlsm");
            long total = 0;
            int entries = 0;
            Map<String, SheetMeta> metas = new HashMap<>();
            byte[] workbookXml = null;
            byte[] relsXml = null;
            for (String small : List.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels")) {
                ZipEntry entry = zip.getEntry(small);
                if (entry == null) {
                    continue;
                }
                CountingInflate counted = new CountingInflate(zip.getInputStream(entry), entry, total, fileName);
                try (InputStream in = counted) {
                    byte[] bytes = in.readNBytes(16 * 1024 * 1024);
                    checkNoEntities(new java.io.ByteArrayInputStream(bytes), fileName, small);
                    if (small.endsWith(".rels")) {
                        relsXml = bytes;
                    } else {
                        workbookXml = bytes;
                    }
                }
                total = counted.totalSoFar();
            }
            List<Container.SheetEntry> sheets = workbookSheets(workbookXml, relsXml);
            Map<String, String> sheetByPart = new HashMap<>();
            sheets.forEach(sh -> sheetByPart.put(sh.part(), sh.name()));
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry entry = en.nextElement();
                entries++;
                String name = entry.getName();
                if (entry.isDirectory() || name.equals("xl/workbook.xml") || name.equals("xl/_rels/workbook.xml.rels")) {
                    continue;
                }
                CountingInflate counted = new CountingInflate(zip.getInputStream(entry), entry, total, fileName);
                try (InputStream in = counted) {
                    if (name.startsWith("xl/worksheets/") && name.endsWith(".xml") && name.indexOf('/', 14) < 0) {
                        String sheetName = sheetByPart.get("/" + name);
                        String label = sheetName == null ? "sheet part " + name : "sheet '" + sheetName + "'";
                        metas.put("/" + name, scanSheet(in, fileName, name, label));
                    } else if (name.endsWith(".xml") || name.endsWith(".rels")) {
                        checkNoEntities(in, fileName, name);
                    } else {
                        in.transferTo(OutputSink.INSTANCE);
                    }
                    in.transferTo(OutputSink.INSTANCE);
                }
                total = counted.totalSoFar();
            }
            List<String> names = sheets.stream().map(Container.SheetEntry::name).toList();
            String format = macro ? "xlsm" : "xlsx";
            if (!metas.isEmpty() && metas.values().stream().allMatch(m -> m.rows() == 0)) {
                throw new MappingFileException(MappingFileException.EMPTY, fileName, fileName + " is a workbook "
                        + "without any filled row. Upload the mapping document with its header and rows.");
            }
            return new Container(new FileInspection(fileName, format, size, entries, total, names), sheets, metas);
        } catch (MappingFileException e) {
            throw e;
        } catch (LimitSignal e) {
            throw new MappingFileException(e.code, fileName, fileName + ": " + e.getMessage());
        } catch (BombSignal e) {
            throw new MappingFileException(MappingFileException.ZIP_BOMB, fileName, fileName + ": " + e.getMessage()
                    + " Workbooks that expand this much are refused; re-save it in Excel as a plain .xlsx.");
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName
                    + " is a damaged or truncated workbook ("
                    + (e.getMessage() == null ? "unreadable zip structure" : e.getMessage())
                    + "). Open it in Excel, save it again, and upload the saved file.", e);
        }
    }

    /** A workbook whose main part is not at the usual path still declares its content type. */
    private static boolean declaresWorkbook(ZipFile zip) throws IOException {
        ZipEntry types = zip.getEntry("[Content_Types].xml");
        if (types == null || types.getSize() > 1024 * 1024) {
            return false;
        }
        try (InputStream in = zip.getInputStream(types)) {
            String text = new String(in.readNBytes(1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            return text.contains("spreadsheetml.sheet.main+xml") || text.contains("sheet.macroEnabled.main+xml");
        }
    }

    private Container inspectOle2(Path file, String fileName, String ext, long size) throws MappingFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw encrypted(fileName);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                if (ext.equals("csv") || ext.equals("tsv") || ext.equals("txt")) {
                    throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName
                            + " is an Excel 97-2003 workbook (.xls), not a " + ext.toUpperCase(Locale.ROOT)
                            + " file. Rename it to .xls, or save it as .xlsx, and upload it again.");
                }
                return new Container(new FileInspection(fileName, "xls", size, 0, 0, List.of()), List.of(),
                        Map.of());
            }
            String what = root.hasEntry("WordDocument") ? "a Word 97-2003 document"
                    : root.hasEntry("PowerPoint Document") ? "a PowerPoint 97-2003 presentation"
                    : "an Office document that is not a workbook";
            if (isSpreadsheetExtension(ext)) {
                throw new MappingFileException(MappingFileException.WRONG_EXTENSION, fileName, fileName + " is "
                        + what + ", not " + describeExtension(ext) + ". Upload the mapping as .xlsx or .csv.");
            }
            throw unsupported(fileName, what);
        } catch (MappingFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName
                    + " is a damaged or truncated Office file (" + e.getMessage()
                    + "). Open it in Excel, save it as .xlsx, and upload the saved file.", e);
        }
    }

    static MappingFileException encrypted(String fileName) {
        return new MappingFileException(MappingFileException.ENCRYPTED, fileName, fileName
                + " is password-protected (encrypted). Open it in Excel, remove the password "
                + "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload it again.");
    }

    private SheetMeta scanSheet(InputStream in, String fileName, String part, String label) throws IOException,
            MappingFileException {
        XmlTagScanner scanner = new XmlTagScanner(in);
        int[] rows = {0};
        int[] maxCols = {0};
        int[] cellsInRow = {0};
        int[] lastCol = {-1};
        List<Integer> hiddenRows = new ArrayList<>();
        List<Integer> hiddenCols = new ArrayList<>();
        List<SheetMeta.Region> merged = new ArrayList<>();
        scanner.scan(t -> {
            if (t.nameIs("c")) {
                int ref = t.attrColumn("r");
                lastCol[0] = ref < 0 ? lastCol[0] + 1 : ref;
            } else if (t.nameIs("v") || t.nameIs("is") || t.nameIs("f")) {
                // only cells with content count: Excel also writes styled empty cells far to the right
                if (cellsInRow[0] == 0) {
                    rows[0]++;
                    if (rows[0] > limits.maxRows()) {
                        throw new LimitSignal(MappingFileException.TOO_MANY_ROWS, label + " has more "
                                + "than " + limits.maxRows() + " filled rows, the most a mapping document may have. "
                                + "Remove rows that are not mapping rows (data extracts, pivots), or split the "
                                + "document.");
                    }
                }
                if (lastCol[0] + 1 > cellsInRow[0]) {
                    cellsInRow[0] = lastCol[0] + 1;
                    if (cellsInRow[0] > limits.maxColumns()) {
                        throw new LimitSignal(MappingFileException.TOO_MANY_COLUMNS, label + " uses "
                                + "more than " + limits.maxColumns() + " columns, the most a mapping document may "
                                + "have. Delete the unused columns and upload again.");
                    }
                    if (cellsInRow[0] > maxCols[0]) {
                        maxCols[0] = cellsInRow[0];
                    }
                }
            } else if (t.nameIs("row")) {
                cellsInRow[0] = 0;
                lastCol[0] = -1;
                String hidden = t.attr("hidden");
                if ("1".equals(hidden) || "true".equals(hidden)) {
                    String r = t.attr("r");
                    if (r != null && hiddenRows.size() < 10_000) {
                        hiddenRows.add(Integer.parseInt(r.trim()));
                    }
                }
            } else if (t.nameIs("col")) {
                String hidden = t.attr("hidden");
                if ("1".equals(hidden) || "true".equals(hidden)) {
                    int min = Integer.parseInt(t.attr("min"));
                    int max = Math.min(Integer.parseInt(t.attr("max")), min + 1024);
                    for (int c = min; c <= max; c++) {
                        hiddenCols.add(c - 1);
                    }
                }
            } else if (t.nameIs("mergeCell")) {
                SheetMeta.Region region = SheetMeta.Region.parse(t.attr("ref"));
                if (region != null && merged.size() < 100_000) {
                    merged.add(region);
                }
            }
        });
        if (scanner.declaresEntities()) {
            throw unsafeXml(fileName, part);
        }
        return new SheetMeta(rows[0], maxCols[0], hiddenRows, hiddenCols, merged);
    }

    private void checkNoEntities(InputStream in, String fileName, String part) throws IOException,
            MappingFileException {
        byte[] head = in.readNBytes(4096);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY") || text.contains("<!doctype")) {
            throw unsafeXml(fileName, part);
        }
    }

    private static MappingFileException unsafeXml(String fileName, String part) {
        return new MappingFileException(MappingFileException.UNSAFE_XML, fileName, fileName + " declares XML "
                + "entities or a DTD in " + part + ", which Excel never writes (a sign of a crafted file). "
                + "Open the document in Excel, save it as a new .xlsx, and upload that file.");
    }

    private static List<Container.SheetEntry> workbookSheets(byte[] workbookXml, byte[] relsXml) throws IOException {
        Map<String, String> targets = new HashMap<>();
        if (relsXml != null) {
            new XmlTagScanner(new java.io.ByteArrayInputStream(relsXml)).scan(t -> {
                if (t.nameIs("Relationship")) {
                    String target = t.attr("Target");
                    if (target != null) {
                        String part = target.startsWith("/") ? target : "/xl/" + target;
                        targets.put(t.attr("Id"), part.replace("/xl/./", "/xl/"));
                    }
                }
            });
        }
        List<Container.SheetEntry> sheets = new ArrayList<>();
        if (workbookXml != null) {
            new XmlTagScanner(new java.io.ByteArrayInputStream(workbookXml)).scan(t -> {
                if (t.nameIs("sheet")) {
                    String state = t.attr("state");
                    sheets.add(new Container.SheetEntry(t.attr("name"), targets.get(t.attr("id")),
                            state != null && !state.equals("visible")));
                }
            });
        }
        return sheets;
    }

    /** Counts inflated bytes of one entry and of the whole container, and applies the inflate-ratio guard. */
    private final class CountingInflate extends FilterInputStream {
        private final long compressed;
        private final long declared;
        private final String entryName;
        private final long totalBefore;
        private long count;

        CountingInflate(InputStream in, ZipEntry entry, long totalBefore, String fileName) {
            super(in);
            this.compressed = entry.getCompressedSize();
            this.declared = entry.getSize();
            this.entryName = entry.getName();
            this.totalBefore = totalBefore;
        }

        long totalSoFar() {
            return totalBefore + count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (entryName.endsWith("sharedStrings.xml") && count > limits.maxUncompressedBytes() / 8) {
                // the shared strings table is held in memory while cells are read
                throw new BombSignal("its shared strings part expands to more than "
                        + mb(limits.maxUncompressedBytes() / 8) + ".");
            }
            if (totalBefore + count > limits.maxUncompressedBytes()) {
                throw new BombSignal("its parts expand to more than " + mb(limits.maxUncompressedBytes()) + ".");
            }
            if (count > RATIO_GRACE_BYTES && compressed > 0
                    && (double) compressed / count < limits.minInflateRatio()) {
                throw new BombSignal("part " + entryName + " expands more than " + Math.round(1 / limits.minInflateRatio())
                        + " times its compressed size.");
            }
            if (declared >= 0 && count > declared + 1) {
                throw new BombSignal("part " + entryName + " is larger than its zip header declares.");
            }
        }
    }

    private static final class LimitSignal extends RuntimeException {
        private final String code;

        LimitSignal(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static final class BombSignal extends RuntimeException {
        BombSignal(String message) {
            super(message, null, false, false);
        }
    }

    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SCAN_BYTES);
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String otherKnownFormat(byte[] head) {
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return "an RTF document";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return "a RAR archive";
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return "a 7-Zip archive";
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return "a Parquet file";
        }
        return null;
    }

    private static boolean looksBinary(byte[] head) {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return head.length > 0 && control * 20 > head.length;
    }

    private static boolean isBlankText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (!(c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF
                    || c == ',' || c == ';' || c == '"')) {
                return false;
            }
        }
        return true;
    }

    private static MappingFileException unsupported(String fileName, String what) {
        return new MappingFileException(MappingFileException.UNSUPPORTED_FORMAT, fileName, fileName + " is " + what
                + ", which is not a supported mapping format. Upload the mapping as .xlsx, .xlsm, .xls, .csv or .tsv.");
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String baseName(String fileName) {
        String n = fileName == null ? "mapping" : fileName;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static boolean isSpreadsheetExtension(String ext) {
        return ext.equals("xlsx") || ext.equals("xlsm") || ext.equals("xls") || ext.equals("csv")
                || ext.equals("tsv");
    }

    private static String describeExtension(String ext) {
        return switch (ext) {
            case "xlsx", "xlsm" -> "an Excel workbook (." + ext + ")";
            case "xls" -> "an Excel 97-2003 workbook (.xls)";
            case "csv", "tsv" -> "a " + ext.toUpperCase(Locale.ROOT) + " file";
            default -> ext.isEmpty() ? "a spreadsheet" : "a ." + ext + " file";
        };
    }

    static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }
}
