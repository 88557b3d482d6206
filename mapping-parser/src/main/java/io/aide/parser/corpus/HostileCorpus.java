package io.aide.parser.corpus;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates the hostile upload corpus (nothing is downloaded): encrypted workbooks, zip bombs, XML entity
 * tricks, truncated and mislabelled files, empty files, a million-row sheet, 16,000 columns, binary junk and
 * formula-injection cells. Every file comes with the error code the parser must answer.
 */
public final class HostileCorpus {

    public static final String ENCRYPTED = "bad_mapping_file:encrypted";
    public static final String ZIP_BOMB = "bad_mapping_file:zip_bomb";
    public static final String UNSAFE_XML = "bad_mapping_file:unsafe_xml";
    public static final String CORRUPT = "bad_mapping_file:corrupt";
    public static final String WRONG_EXTENSION = "bad_mapping_file:wrong_extension";
    public static final String EMPTY = "bad_mapping_file:empty";
    public static final String TOO_MANY_ROWS = "bad_mapping_file:too_many_rows";
    public static final String TOO_MANY_COLUMNS = "bad_mapping_file:too_many_columns";
    public static final String NOT_A_MAPPING = "bad_mapping_file:not_a_mapping";
    public static final String UNSUPPORTED_FORMAT = "bad_mapping_file:unsupported_format";

    /** A small valid mapping, the payload several hostile variants wrap. */
    public static final String MAPPING_CSV = """
            Target Table,Target Column,Data Type,Source Table,Source Column,Transformation Rule
            dim_customer,customer_id,INTEGER,crm_customer,id,Direct move
            dim_customer,full_name,VARCHAR(200),crm_customer,"first_name, last_name",Concatenate with a space
            """;

    private HostileCorpus() {
    }

    /** Writes every hostile file into {@code dir} and returns them with their expected outcome. */
    public static List<HostileFile> writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            List<HostileFile> out = new ArrayList<>();
            byte[] valid = validXlsx();

            out.add(write(dir, "encrypted.xlsx", encrypted(valid), ENCRYPTED, 422,
                    "an OLE2 container with EncryptionInfo (a password-protected workbook) under an .xlsx name"));
            out.add(write(dir, "zip-bomb.xlsx", zipBomb(), ZIP_BOMB, 413,
                    "a sheet part of 40 MB of blanks that compresses more than 100:1"));
            out.add(write(dir, "zip-many-entries.xlsx", manyEntries(5_000), ZIP_BOMB, 413,
                    "a workbook container with 5,000 parts"));
            out.add(write(dir, "xxe.xlsx", xxe(), UNSAFE_XML, 400,
                    "shared strings declaring an external entity that reads /etc/passwd"));
            out.add(write(dir, "billion-laughs.xlsx", billionLaughs(), UNSAFE_XML, 400,
                    "a sheet declaring nested entities that expand to gigabytes"));
            out.add(write(dir, "truncated.xlsx", Arrays.copyOf(valid, valid.length / 2), CORRUPT, 400,
                    "a valid workbook cut in half"));
            out.add(write(dir, "binary-junk.xlsx", junk(64 * 1024, 1), CORRUPT, 400, "random bytes named .xlsx"));
            out.add(write(dir, "binary-junk.csv", junk(16 * 1024, 2), CORRUPT, 400, "random bytes named .csv"));
            out.add(write(dir, "pdf-named.xlsx", pdf(), WRONG_EXTENSION, 415, "a PDF document named .xlsx"));
            out.add(write(dir, "png-named.xlsx", png(), WRONG_EXTENSION, 415, "a PNG image named .xlsx"));
            out.add(write(dir, "xlsx-named.csv", valid, WRONG_EXTENSION, 415, "an Excel workbook named .csv"));
            out.add(write(dir, "docx-named.xlsx", docx(), WRONG_EXTENSION, 415, "a Word document named .xlsx"));
            out.add(write(dir, "html-named.xls", "<html><body><table><tr><td>Target</td></tr></table></body></html>"
                    .getBytes(StandardCharsets.UTF_8), UNSUPPORTED_FORMAT, 415, "a web page saved as .xls"));
            out.add(write(dir, "empty.xlsx", new byte[0], EMPTY, 400, "0 bytes named .xlsx"));
            out.add(write(dir, "empty.csv", new byte[0], EMPTY, 400, "0 bytes named .csv"));
            out.add(write(dir, "blank-lines.csv", "\r\n\r\n   \r\n".getBytes(StandardCharsets.UTF_8), EMPTY, 400,
                    "only blank lines"));
            out.add(write(dir, "empty-workbook.xlsx", emptyWorkbook(), EMPTY, 400, "a workbook with no cells"));
            out.add(writeMillionRows(dir));
            out.add(write(dir, "million-rows.csv", millionRowsCsv(), TOO_MANY_ROWS, 413,
                    "a CSV mapping with 1,000,000 rows"));
            out.add(write(dir, "wide-16000-columns.xlsx", wideXlsx(16_000), TOO_MANY_COLUMNS, 413,
                    "a sheet with 16,000 columns"));
            out.add(write(dir, "wide-16000-columns.csv", wideCsv(16_000), TOO_MANY_COLUMNS, 413,
                    "a CSV line with 16,000 fields"));
            out.add(write(dir, "unterminated-quote.csv", ("Target Table,Target Column,Source Column\n"
                    + "t,c,\"never closed\nt,d,x\n").getBytes(StandardCharsets.UTF_8), CORRUPT, 400,
                    "a quote that is opened and never closed"));
            out.add(write(dir, "not-a-mapping.csv", "city,population\nParis,2100000\nLyon,520000\n"
                    .getBytes(StandardCharsets.UTF_8), NOT_A_MAPPING, 422, "a table that is not a mapping"));
            out.add(write(dir, "csv-injection.csv", injectionCsv().getBytes(StandardCharsets.UTF_8), null, 200,
                    "formula-injection cells (=cmd|..., +, -, @): must parse, stored as text, escaped in exports"));
            out.add(write(dir, "macro.xlsm", withMacro(valid), null, 200,
                    "a macro-enabled workbook with a vbaProject part: must parse, macros never run"));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostileFile write(Path dir, String name, byte[] bytes, String code, int status, String what)
            throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new HostileFile(name, p, code, status, what);
    }

    /** A small, valid mapping workbook written with fastexcel. */
    public static byte[] validXlsx() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Workbook wb = new Workbook(bos, "AIDE", "1.0");
        Worksheet ws = wb.newWorksheet("Mapping");
        String[][] rows = MAPPING_CSV.lines().map(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .toArray(String[][]::new);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                ws.value(r, c, rows[r][c].replace("\"", ""));
            }
        }
        wb.finish();
        return bos.toByteArray();
    }

    private static byte[] encrypted(byte[] xlsx) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("hostile-corpus");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(xlsx);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            fs.writeFilesystem(bos);
            return bos.toByteArray();
        } catch (RuntimeException e) {
            return fakeEncrypted();
        }
    }

    /** Fallback when the JVM lacks the cipher: the container shape Excel writes, with opaque content. */
    private static byte[] fakeEncrypted() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(junk(512, 3)), "EncryptionInfo");
            fs.createDocument(new java.io.ByteArrayInputStream(junk(4096, 4)), "EncryptedPackage");
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            fs.writeFilesystem(bos);
            return bos.toByteArray();
        }
    }

    private interface PartWriter {
        void write(Writer w) throws IOException;
    }

    /** A minimal xlsx whose single sheet part and optional shared strings are written by the caller. */
    private static byte[] minimalXlsx(PartWriter sheet, String sharedStrings, int extraEntries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Mapping\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>");
            put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
            if (sharedStrings != null) {
                put(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new NonClosing(zip),
                    StandardCharsets.UTF_8), 1 << 16);
            sheet.write(w);
            w.flush();
            zip.closeEntry();
            for (int i = 0; i < extraEntries; i++) {
                put(zip, "customXml/item" + i + ".xml", "<a/>");
            }
        }
        return bos.toByteArray();
    }

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    private static String headerRow() {
        return "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Target Table</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>Target Column</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>Source Column</t></is></c></row>";
    }

    private static byte[] zipBomb() throws IOException {
        return minimalXlsx(w -> {
            w.write(SHEET_START);
            w.write(headerRow());
            char[] blanks = new char[1 << 16];
            Arrays.fill(blanks, ' ');
            for (int i = 0; i < 40 * 16; i++) {
                w.write(blanks);
            }
            w.write(SHEET_END);
        }, null, 0);
    }

    private static byte[] manyEntries(int n) throws IOException {
        return minimalXlsx(w -> w.write(SHEET_START + headerRow() + SHEET_END), null, n);
    }

    private static byte[] xxe() throws IOException {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                + "<si><t>&xxe;</t></si></sst>";
        return minimalXlsx(w -> w.write(SHEET_START + headerRow()
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>" + SHEET_END), sst, 0);
    }

    private static byte[] billionLaughs() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        return minimalXlsx(w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + headerRow() + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>"
                + SHEET_END), null, 0);
    }

    private static byte[] emptyWorkbook() throws IOException {
        return minimalXlsx(w -> w.write(SHEET_START + SHEET_END), null, 0);
    }

    private static HostileFile writeMillionRows(Path dir) throws IOException {
        byte[] bytes = minimalXlsx(w -> {
            w.write(SHEET_START);
            w.write(headerRow());
            for (int r = 2; r <= 1_000_001; r++) {
                w.write("<row r=\"");
                w.write(Integer.toString(r));
                w.write("\"><c><v>");
                w.write(Integer.toString(r));
                w.write("</v></c></row>");
            }
            w.write(SHEET_END);
        }, null, 0);
        return write(dir, "million-rows.xlsx", bytes, TOO_MANY_ROWS, 413, "a sheet with 1,000,000 rows");
    }

    private static byte[] millionRowsCsv() {
        StringBuilder sb = new StringBuilder(16 * 1_000_000);
        sb.append("Target Table,Target Column,Source Column\n");
        for (int r = 0; r < 1_000_000; r++) {
            sb.append("t,c").append(r).append(",s\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wideXlsx(int columns) throws IOException {
        return minimalXlsx(w -> {
            w.write(SHEET_START);
            w.write("<row r=\"1\">");
            for (int c = 0; c < columns; c++) {
                w.write("<c r=\"" + col(c) + "1\"><v>" + c + "</v></c>");
            }
            w.write("</row>");
            w.write(SHEET_END);
        }, null, 0);
    }

    private static byte[] wideCsv(int columns) {
        StringBuilder sb = new StringBuilder();
        sb.append("Target Table,Target Column,Source Column\n");
        for (int c = 0; c < columns; c++) {
            sb.append(c == 0 ? "" : ",").append('v').append(c);
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String injectionCsv() {
        return "Target Table,Target Column,Source Table,Source Column,Transformation Rule,Comments\n"
                + "dim_customer,customer_id,crm,id,\"=cmd|' /C calc'!A0\",@SUM(1+1)\n"
                + "dim_customer,name,crm,name,+HYPERLINK(\"http://evil.example\"),-2+3+cmd|' /C notepad'!A1\n"
                + "dim_customer,balance,crm,balance,-amount,ok\n";
    }

    private static byte[] withMacro(byte[] xlsx) throws IOException {
        Path tmp = Files.createTempFile("aide-corpus-", ".xlsx");
        try {
            Files.write(tmp, xlsx);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bos);
                 java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile())) {
                var entries = in.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (var data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
                out.write(junk(2048, 5));
                out.closeEntry();
            }
            return bos.toByteArray();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos)) {
            put(zip, "[Content_Types].xml", "<Types/>");
            put(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Mapping</w:t></w:r></w:p></w:body>"
                    + "</w:document>");
        }
        return bos.toByteArray();
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] png() {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    private static byte[] junk(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        b[0] = 0x00;
        return b;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String col(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
