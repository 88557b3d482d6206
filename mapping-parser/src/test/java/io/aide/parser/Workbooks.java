package io.aide.parser;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small test workbooks the way analysts lay them out (POI usermodel: fine at this size). */
final class Workbooks {

    private final Map<String, SheetSpec> sheets = new LinkedHashMap<>();
    private SheetSpec current;

    static Workbooks create() {
        return new Workbooks();
    }

    static final class SheetSpec {
        final List<Object[]> rows = new ArrayList<>();
        final List<String> merges = new ArrayList<>();
        final List<Integer> hiddenRows = new ArrayList<>();
        final List<Integer> hiddenColumns = new ArrayList<>();
        final Map<String, String> formulas = new LinkedHashMap<>();
    }

    Workbooks sheet(String name) {
        current = sheets.computeIfAbsent(name, n -> new SheetSpec());
        return this;
    }

    /** Appends a row; null leaves a cell empty, a LocalDate becomes an Excel date, numbers stay numbers. */
    Workbooks row(Object... cells) {
        current.rows.add(cells);
        return this;
    }

    Workbooks blank() {
        current.rows.add(new Object[0]);
        return this;
    }

    Workbooks merge(String range) {
        current.merges.add(range);
        return this;
    }

    Workbooks hideRow(int excelRow) {
        current.hiddenRows.add(excelRow);
        return this;
    }

    Workbooks hideColumn(int index) {
        current.hiddenColumns.add(index);
        return this;
    }

    /** A formula in an A1 cell; its cached value is computed before saving, as Excel does. */
    Workbooks formula(String cell, String formula) {
        current.formulas.put(cell, formula);
        return this;
    }

    Path writeXlsx(Path dir, String name) throws IOException {
        return write(new XSSFWorkbook(), dir.resolve(name));
    }

    Path writeXls(Path dir, String name) throws IOException {
        return write(new HSSFWorkbook(), dir.resolve(name));
    }

    private Path write(Workbook wb, Path file) throws IOException {
        try (wb) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
            for (Map.Entry<String, SheetSpec> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                SheetSpec spec = e.getValue();
                for (int r = 0; r < spec.rows.size(); r++) {
                    Object[] cells = spec.rows.get(r);
                    if (cells.length == 0) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < cells.length; c++) {
                        Object v = cells[c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
                for (String m : spec.merges) {
                    sheet.addMergedRegion(CellRangeAddress.valueOf(m));
                }
                for (int hr : spec.hiddenRows) {
                    Row row = sheet.getRow(hr - 1) == null ? sheet.createRow(hr - 1) : sheet.getRow(hr - 1);
                    row.setZeroHeight(true);
                }
                for (int hc : spec.hiddenColumns) {
                    sheet.setColumnHidden(hc, true);
                }
                for (Map.Entry<String, String> f : spec.formulas.entrySet()) {
                    var ref = new org.apache.poi.ss.util.CellReference(f.getKey());
                    Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
                    row.createCell(ref.getCol()).setCellFormula(f.getValue());
                }
            }
            helper.createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
