package nl.ouderportaal.core.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.spi.LocalizedText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The account overview as .xlsx, written with POI's streaming SXSSF writer: at most 100 rows live in
 * memory whatever the length. Dates are real date cells; text that a spreadsheet could take for a formula
 * (starting with = + - @ tab CR LF) gets a leading apostrophe, so that it stays text (no formula
 * injection), also when the file is saved again as CSV.
 */
public final class OverviewXlsx {

    private static final List<LocalizedText> HEADERS = List.of(
            LocalizedText.of("Naam", "Name"), LocalizedText.of("E-mailadres", "Email address"),
            LocalizedText.of("Account", "Account"), LocalizedText.of("Laatst ingelogd", "Last login"),
            LocalizedText.of("Laatste uitnodiging", "Last invitation"), LocalizedText.of("Verzonden", "Delivery"),
            LocalizedText.of("Kinderen (groep, inzage)", "Children (group, viewing right)"));

    private OverviewXlsx() {
    }

    public static void write(Iterator<OverviewRow> rows, Locale locale, ZoneId zone, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet(english(locale) ? "Guardians" : "Verzorgers");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy hh:mm"));
            Row first = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADERS.get(c).in(locale));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            while (rows.hasNext()) {
                OverviewRow row = rows.next();
                Row line = sheet.createRow(r++);
                text(line, 0, row.name().sortName());
                text(line, 1, row.email());
                text(line, 2, status(row.status(), locale));
                dateTime(line, 3, row.lastLogin() == null ? null : LocalDateTime.ofInstant(row.lastLogin(), zone), date);
                dateTime(line, 4, row.lastInvitation() == null ? null
                        : LocalDateTime.ofInstant(row.lastInvitation().queuedAt(), zone), date);
                text(line, 5, row.lastInvitation() == null ? "" : delivery(row, locale));
                text(line, 6, row.children().stream().map(ch -> ch.name().displayName() + " ("
                                + (ch.group() == null ? "-" : ch.group()) + ", "
                                + (ch.viewingRight() ? (english(locale) ? "yes" : "ja") : (english(locale) ? "no" : "nee")) + ")")
                        .collect(Collectors.joining("; ")));
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /** A spreadsheet must show this as text, never evaluate it. */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n' ? "'" + value : value;
    }

    private static void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(inert(value));
    }

    private static void dateTime(Row row, int column, LocalDateTime value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static String status(AccountStatus status, Locale locale) {
        boolean en = english(locale);
        return switch (status) {
            case NONE -> en ? "none" : "geen";
            case INVITED -> en ? "invited" : "uitgenodigd";
            case ACTIVE -> en ? "active" : "actief";
            case INACTIVE -> en ? "inactive" : "inactief";
        };
    }

    private static String delivery(OverviewRow row, Locale locale) {
        boolean en = english(locale);
        var invitation = row.lastInvitation();
        return switch (invitation.state()) {
            case QUEUED -> en ? "waiting" : "wacht op verzending";
            case SENT -> en ? "sent" : "verzonden";
            case FAILED -> (en ? "failed: " : "mislukt: ") + invitation.lastError();
        };
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
