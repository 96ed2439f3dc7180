package dev.flowcost.report.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Writes one streaming sheet row by row and remembers how wide each column's content is, since a streaming sheet
 * cannot measure its columns afterwards. Text always goes in as a string cell, so a name that looks like a formula
 * stays text.
 */
final class SheetWriter {

    private static final int MAX_WIDTH_CHARS = 60;

    private final SXSSFSheet sheet;
    private final String name;
    private final int[] widths = new int[32];
    private Row row;
    private int nextRow;
    private int lastColumn;

    SheetWriter(SXSSFSheet sheet) {
        this.sheet = sheet;
        this.name = sheet.getSheetName();
        Arrays.fill(widths, 8);
    }

    /** Starts a new row and returns its 1-based number, as formulas name it. */
    int newRow() {
        row = sheet.createRow(nextRow++);
        return nextRow;
    }

    /** The 1-based number of the current row. */
    int rowNumber() {
        return nextRow;
    }

    void skipRow() {
        nextRow++;
    }

    void header(CellStyle style, String... titles) {
        newRow();
        for (int c = 0; c < titles.length; c++) {
            text(c, titles[c]).setCellStyle(style);
        }
    }

    Cell text(int column, String value) {
        Cell cell = cell(column);
        cell.setCellValue(value);
        widen(column, value.length());
        return cell;
    }

    Cell number(int column, BigDecimal value, CellStyle style) {
        return number(column, value.doubleValue(), style);
    }

    Cell number(int column, double value, CellStyle style) {
        Cell cell = cell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widen(column, 14);
        return cell;
    }

    /**
     * A formula cell with the value it computes stored beside it, so a viewer that does not recalculate (a file
     * previewer, LibreOffice with its default settings, a PDF conversion) shows the number, not 0; {@code formula} is
     * built by us from cell references, never from user text.
     */
    Cell formula(int column, String formula, CellStyle style, BigDecimal value) {
        return formula(column, formula, style, value.doubleValue());
    }

    Cell formula(int column, String formula, CellStyle style, double value) {
        Cell cell = cell(column);
        cell.setCellFormula(formula);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widen(column, 14);
        return cell;
    }

    /** Keeps the first {@code rows} rows in view while scrolling, for sheets that are not one table. */
    void freeze(int rows) {
        sheet.createFreezePane(0, rows);
    }

    /**
     * Freezes the rows above {@code headerRows}, filters the table starting at {@code headerRow}, fits widths and sets
     * the page up for printing: landscape, the used range as the print area, one page wide (as many pages tall as it
     * takes), the header rows repeated on every page.
     */
    void finish(int headerRow, int columns) {
        if (headerRow > 0) {
            sheet.createFreezePane(0, headerRow);
            int last = Math.max(headerRow - 1, nextRow - 1);
            sheet.setAutoFilter(new CellRangeAddress(headerRow - 1, last, 0, Math.max(0, columns - 1)));
        }
        for (int c = 0; c <= lastColumn; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c] + 2) * 256);
        }
        pageSetup(headerRow);
    }

    private void pageSetup(int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(false);
        Workbook workbook = sheet.getWorkbook();
        int index = workbook.getSheetIndex(sheet);
        workbook.setPrintArea(index, 0, lastColumn, 0, Math.max(0, nextRow - 1));
        if (headerRow > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRow - 1, -1, -1));
        }
    }

    /** An absolute reference to a cell of this sheet from another sheet: {@code 'Finding items'!$Q$5}. */
    String ref(int column, int rowNumber) {
        return quotedName() + "!" + local(column, rowNumber);
    }

    /** An absolute range of one column on this sheet, seen from another sheet. */
    String range(int column, int firstRow, int lastRow) {
        return quotedName() + "!" + local(column, firstRow) + ":" + local(column, lastRow);
    }

    /** A reference within this sheet: {@code $Q$5}. */
    static String local(int column, int rowNumber) {
        return "$" + CellReference.convertNumToColString(column) + "$" + rowNumber;
    }

    /** A relative reference within the current row: {@code Q5}. */
    String here(int column) {
        return CellReference.convertNumToColString(column) + nextRow;
    }

    private String quotedName() {
        return "'" + name.replace("'", "''") + "'";
    }

    private Cell cell(int column) {
        lastColumn = Math.max(lastColumn, column);
        return row.createCell(column);
    }

    private void widen(int column, int chars) {
        if (column < widths.length) {
            widths[column] = Math.max(widths[column], chars);
        }
    }
}
