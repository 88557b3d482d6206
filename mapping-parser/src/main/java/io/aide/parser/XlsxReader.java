package io.aide.parser;

import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Streams .xlsx/.xlsm sheets with fastexcel-reader (no macros run, no formulas evaluated: cached values only). */
final class XlsxReader {

    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    void read(Path file, Container container, ParseContext ctx) throws MappingFileException {
        for (Container.SheetEntry e : container.sheets()) {
            SheetMeta meta = container.meta(e.name());
            if (meta.rows() > ctx.limits.maxRows()) {
                throw new MappingFileException(MappingFileException.TOO_MANY_ROWS, ctx.fileName, ctx.fileName
                        + ": sheet '" + e.name() + "' has " + meta.rows() + " rows, more than the "
                        + ctx.limits.maxRows() + " a mapping document may have. Remove rows that are not mapping "
                        + "rows (data extracts, pivots), or split the document.");
            }
            if (meta.maxColumns() > ctx.limits.maxColumns()) {
                throw new MappingFileException(MappingFileException.TOO_MANY_COLUMNS, ctx.fileName, ctx.fileName
                        + ": sheet '" + e.name() + "' uses " + meta.maxColumns() + " columns, more than the "
                        + ctx.limits.maxColumns() + " a mapping document may have. Delete the unused columns "
                        + "and upload again.");
            }
        }
        String currentSheet = null;
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            boolean date1904 = wb.isDate1904();
            List<Sheet> sheets = wb.getSheets().toList();
            for (Sheet sheet : sheets) {
                currentSheet = sheet.getName();
                SheetParser parser = new SheetParser(sheet.getName(), container.meta(sheet.getName()),
                        container.hidden(sheet.getName()), ctx);
                try (Stream<Row> rows = sheet.openStream()) {
                    Iterator<Row> it = rows.iterator();
                    while (it.hasNext()) {
                        Row row = it.next();
                        parser.accept(row.getRowNum(), cells(row, date1904));
                    }
                }
                parser.finish();
            }
        } catch (MappingFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (msg.toLowerCase().contains("entit") || msg.toLowerCase().contains("dtd")) {
                throw new MappingFileException(MappingFileException.UNSAFE_XML, ctx.fileName, ctx.fileName
                        + " uses XML entities or a DTD, which Excel never writes. Save it again in Excel as a new "
                        + ".xlsx and upload that file.", e);
            }
            throw new MappingFileException(MappingFileException.CORRUPT, ctx.fileName, ctx.fileName
                    + (currentSheet == null ? "" : " (sheet '" + currentSheet + "')")
                    + " could not be read as a workbook: " + msg
                    + ". Open it in Excel, save it again, and upload the saved file.", e);
        }
    }

    private String[] cells(Row row, boolean date1904) {
        int n = row.getCellCount();
        String[] out = new String[n];
        int last = -1;
        for (int i = 0; i < n; i++) {
            Cell c = row.getCell(i);
            if (c != null) {
                out[i] = render(c, date1904);
                if (out[i] != null && !out[i].isEmpty()) {
                    last = i;
                }
            }
        }
        // styled empty cells to the right are not columns of the mapping
        return last + 1 == n ? out : java.util.Arrays.copyOf(out, last + 1);
    }

    private String render(Cell c, boolean date1904) {
        CellType type = c.getType();
        switch (type) {
            case EMPTY:
                return null;
            case STRING:
                return c.asString();
            case BOOLEAN:
                return Boolean.TRUE.equals(c.asBoolean()) ? "TRUE" : "FALSE";
            case ERROR:
                return c.getRawValue();
            case NUMBER:
                return numeric(c, c.getRawValue(), date1904);
            case FORMULA: {
                String raw = c.getRawValue();
                if (raw == null) {
                    return null;
                }
                if (isNumber(raw)) {
                    return numeric(c, raw, date1904);
                }
                return raw;
            }
            default:
                return c.getRawValue();
        }
    }

    private String numeric(Cell c, String raw, boolean date1904) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Integer fmtId = c.getDataFormatId();
        if (fmtId != null && isDate(fmtId, c.getDataFormatString())) {
            try {
                double d = Double.parseDouble(raw);
                if (DateUtil.isValidExcelDate(d)) {
                    LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904, true);
                    return CellValues.date(dt);
                }
            } catch (NumberFormatException ignored) {
                return raw;
            }
        }
        try {
            BigDecimal v = new BigDecimal(raw);
            String fmt = c.getDataFormatString();
            if (fmt != null && fmt.contains("%") && !fmt.contains("\"%")) {
                return CellValues.number(v.movePointRight(2)) + "%";
            }
            return CellValues.number(v);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private boolean isDate(int fmtId, String fmt) {
        return dateFormats.computeIfAbsent(fmtId, id -> DateUtil.isADateFormat(id, fmt));
    }

    private static boolean isNumber(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || ch == '-' || ch == 'E' || ch == 'e' || ch == '+')) {
                return false;
            }
        }
        return Character.isDigit(raw.charAt(raw.length() - 1));
    }
}
