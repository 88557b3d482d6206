package io.aide.parser;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads Excel 97-2003 .xls workbooks with POI HSSF (file size is capped before this runs). */
final class XlsReader {

    /** HSSF holds the whole workbook in memory (about ten times the file), so legacy files stay small. */
    static final long MAX_XLS_BYTES = 16L * 1024 * 1024;

    void read(Path file, ParseContext ctx) throws MappingFileException {
        try {
            long size = java.nio.file.Files.size(file);
            if (size > Math.min(MAX_XLS_BYTES, ctx.limits.maxBytes())) {
                throw new MappingFileException(MappingFileException.TOO_LARGE, ctx.fileName, ctx.fileName + " is an "
                        + "Excel 97-2003 workbook of " + ContainerInspector.mb(size) + "; .xls files are read up to "
                        + ContainerInspector.mb(MAX_XLS_BYTES) + ". Save it as .xlsx (streamed, up to "
                        + ContainerInspector.mb(ctx.limits.maxBytes()) + ") and upload that file.");
            }
        } catch (IOException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, ctx.fileName, ctx.fileName
                    + " could not be read (" + e.getMessage() + "). Upload it again.", e);
        }
        String currentSheet = null;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
             HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                currentSheet = sheet.getSheetName();
                int lastRow = sheet.getLastRowNum() + 1;
                if (lastRow > ctx.limits.maxRows()) {
                    throw new MappingFileException(MappingFileException.TOO_MANY_ROWS, ctx.fileName, ctx.fileName
                            + ": sheet '" + currentSheet + "' has " + lastRow + " rows, more than the "
                            + ctx.limits.maxRows() + " a mapping document may have. Remove rows that are not "
                            + "mapping rows, or split the document.");
                }
                int maxCol = 0;
                List<Integer> hiddenRows = new ArrayList<>();
                for (Row row : sheet) {
                    maxCol = Math.max(maxCol, row.getLastCellNum());
                    if (row.getZeroHeight()) {
                        hiddenRows.add(row.getRowNum() + 1);
                    }
                }
                List<Integer> hiddenCols = new ArrayList<>();
                for (int c = 0; c < maxCol; c++) {
                    if (sheet.isColumnHidden(c)) {
                        hiddenCols.add(c);
                    }
                }
                List<SheetMeta.Region> merged = new ArrayList<>();
                for (CellRangeAddress r : sheet.getMergedRegions()) {
                    merged.add(new SheetMeta.Region(r.getFirstRow() + 1, r.getLastRow() + 1, r.getFirstColumn(),
                            r.getLastColumn()));
                }
                SheetMeta meta = new SheetMeta(lastRow, maxCol, hiddenRows, hiddenCols, merged);
                boolean hidden = wb.isSheetHidden(s) || wb.isSheetVeryHidden(s);
                SheetParser parser = new SheetParser(currentSheet, meta, hidden, ctx);
                for (Row row : sheet) {
                    int n = Math.max(0, row.getLastCellNum());
                    String[] cells = new String[n];
                    for (int c = 0; c < n; c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null) {
                            cells[c] = render(cell, cell.getCellType());
                        }
                    }
                    parser.accept(row.getRowNum() + 1, cells);
                }
                parser.finish();
            }
        } catch (MappingFileException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw ContainerInspector.encrypted(ctx.fileName);
        } catch (IOException | RuntimeException e) {
            throw new MappingFileException(MappingFileException.CORRUPT, ctx.fileName, ctx.fileName
                    + (currentSheet == null ? "" : " (sheet '" + currentSheet + "')")
                    + " could not be read as an Excel 97-2003 workbook: " + e.getMessage()
                    + ". Open it in Excel, save it as .xlsx, and upload that file.", e);
        }
    }

    private static String render(Cell cell, CellType type) {
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return CellValues.date(cell.getLocalDateTimeCellValue());
                }
                String fmt = cell.getCellStyle().getDataFormatString();
                double v = cell.getNumericCellValue();
                if (fmt != null && fmt.contains("%") && !fmt.contains("\"%")) {
                    return CellValues.number(v * 100) + "%";
                }
                return CellValues.number(v);
            case FORMULA:
                return render(cell, cell.getCachedFormulaResultType());
            case ERROR:
                return "#ERROR";
            default:
                return null;
        }
    }
}
