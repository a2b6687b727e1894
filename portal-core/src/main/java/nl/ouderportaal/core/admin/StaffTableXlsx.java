package nl.ouderportaal.core.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.spi.action.StaffTable;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A module's staff view as an xlsx sheet, streamed: every cell is text, and a value that a spreadsheet
 * would take for a formula is written inert, as in the account overview's export.
 */
public final class StaffTableXlsx {

    private StaffTableXlsx() {
    }

    public static void write(StaffTable table, Locale locale, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            String name = table.title().in(locale).replaceAll("[\\\\/?*\\[\\]:]", " ");
            SXSSFSheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row first = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                var cell = first.createCell(c);
                cell.setCellValue(OverviewXlsx.inert(table.headers().get(c).in(locale)));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<String> row : table.rows()) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    line.createCell(c).setCellValue(OverviewXlsx.inert(row.get(c)));
                }
            }
            if (table.note() != null) {
                sheet.createRow(r + 1).createCell(0).setCellValue(OverviewXlsx.inert(table.note().in(locale)));
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}
