package io.aide.parser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads .csv/.tsv with the delimiter, quoting and encoding detected (UTF-8 with/without BOM, UTF-16, Windows-1252). */
final class CsvReader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Encoding and separator found by {@link #detect}. */
    record Dialect(Charset charset, int bomBytes, char delimiter) {
    }

    void read(Path file, String sheetName, boolean tsv, ParseContext ctx) throws MappingFileException {
        Dialect d = detect(file, tsv, ctx.fileName);
        long records = countRecords(file, ctx.fileName);
        if (records > ctx.limits.maxRows()) {
            throw new MappingFileException(MappingFileException.TOO_MANY_ROWS, ctx.fileName, ctx.fileName + " has "
                    + records + " lines, more than the " + ctx.limits.maxRows() + " a mapping document may have. "
                    + "Remove lines that are not mapping rows, or split the file.");
        }
        SheetParser parser = new SheetParser(sheetName, SheetMeta.NONE, false, ctx);
        try (CSVParser csv = open(file, d)) {
            for (CSVRecord rec : csv) {
                int n = rec.size();
                if (n > ctx.limits.maxColumns()) {
                    throw new MappingFileException(MappingFileException.TOO_MANY_COLUMNS, ctx.fileName, ctx.fileName
                            + ": line " + rec.getRecordNumber() + " has " + n + " fields, more than the "
                            + ctx.limits.maxColumns() + " a mapping document may have. Check the separator, or "
                            + "delete the unused columns.");
                }
                String[] cells = new String[n];
                for (int i = 0; i < n; i++) {
                    cells[i] = rec.get(i);
                }
                parser.accept((int) rec.getRecordNumber(), cells);
            }
        } catch (MappingFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, ctx.fileName, ctx.fileName
                    + " is not a well-formed " + (tsv ? "TSV" : "CSV") + " file: " + rootMessage(e)
                    + ". Usually a quote (\") is opened and never closed; fix that cell, or export the file "
                    + "from Excel again.", e);
        }
        parser.finish();
    }

    /** Line breaks outside double quotes: the record count, found without parsing a field. */
    private static long countRecords(Path file, String fileName) throws MappingFileException {
        long n = 0;
        boolean quoted = false;
        int last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int len;
            while ((len = in.read(buf)) > 0) {
                for (int i = 0; i < len; i++) {
                    byte b = buf[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
                        n++;
                    }
                    last = b;
                }
            }
        } catch (IOException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName + " could not be read: "
                    + e.getMessage() + ". Upload it again.", e);
        }
        return last == '\n' ? n : n + 1;
    }

    static CSVParser open(Path file, Dialect d) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(d.bomBytes);
        Reader reader = new BufferedReader(new InputStreamReader(in, d.charset), 64 * 1024);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(d.delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .get();
        return CSVParser.builder().setReader(reader).setFormat(format).get();
    }

    static Dialect detect(Path file, boolean tsv, String fileName) throws MappingFileException {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(64 * 1024);
            }
            Charset cs;
            int bom = 0;
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                cs = StandardCharsets.UTF_8;
                bom = 3;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                cs = StandardCharsets.UTF_16LE;
                bom = 2;
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                cs = StandardCharsets.UTF_16BE;
                bom = 2;
            } else {
                cs = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            }
            String sample = new String(head, bom, head.length - bom, cs);
            char delimiter = tsv ? '\t' : guessDelimiter(sample);
            return new Dialect(cs, bom, delimiter);
        } catch (IOException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, fileName, fileName + " could not be read: "
                    + e.getMessage() + ". Upload it again.", e);
        }
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            ByteBuffer bb = ByteBuffer.allocate(buf.length + 8);
            CharBuffer cb = CharBuffer.allocate(buf.length + 8);
            int n;
            while ((n = in.read(buf)) > 0) {
                bb.put(buf, 0, n);
                bb.flip();
                cb.clear();
                if (dec.decode(bb, cb, false).isError()) {
                    return false;
                }
                bb.compact();
            }
            bb.flip();
            cb.clear();
            return !dec.decode(bb, cb, true).isError() && !dec.flush(cb).isError() && bb.remaining() == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The separator that splits the first lines most consistently (quotes respected). */
    static char guessDelimiter(String sample) {
        char[] candidates = {',', ';', '\t', '|'};
        List<Map<Character, Integer>> lines = new ArrayList<>();
        Map<Character, Integer> cur = new HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < sample.length() && lines.size() < 30; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!cur.isEmpty()) {
                    lines.add(cur);
                    cur = new HashMap<>();
                }
            } else if (!quoted) {
                for (char d : candidates) {
                    if (c == d) {
                        cur.merge(d, 1, Integer::sum);
                    }
                }
            }
        }
        if (!cur.isEmpty()) {
            lines.add(cur);
        }
        char best = ',';
        double bestScore = 0;
        for (char d : candidates) {
            Map<Integer, Integer> freq = new HashMap<>();
            int linesWith = 0;
            for (Map<Character, Integer> l : lines) {
                int k = l.getOrDefault(d, 0);
                if (k > 0) {
                    linesWith++;
                    freq.merge(k, 1, Integer::sum);
                }
            }
            if (linesWith == 0) {
                continue;
            }
            int modeCount = freq.values().stream().max(Integer::compare).orElse(0);
            int mode = freq.entrySet().stream().filter(e -> e.getValue() == modeCount).mapToInt(Map.Entry::getKey)
                    .max().orElse(0);
            double score = (double) modeCount / lines.size() * 10 + Math.min(mode, 50) / 50.0 + linesWith * 0.01;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
