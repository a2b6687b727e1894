package nl.ouderportaal.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.spi.host.PersonName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B4: the Excel export of 100,000 accounts, in a JVM of 256 MB, against raw POI SXSSF writing the same
 * rows (same columns, cell types and styles) without reading anything.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ExcelExportBenchmark {

    private static final List<String> HEADERS = List.of("Naam", "E-mailadres", "Account", "Laatst ingelogd",
            "Laatste uitnodiging", "Verzonden", "Kinderen (groep, inzage)");

    private AccountExportWorld world;
    private LocalDateTime lastLogin;
    private LocalDateTime invited;

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (Runtime.getRuntime().maxMemory() > 300L << 20) {
            throw new IllegalStateException("B4 must run with -Xmx256m, has " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        }
        world = AccountExportWorld.openCopy("export");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssx");
        lastLogin = OffsetDateTime.parse(AccountExportWorld.LAST_LOGIN, format).atZoneSameInstant(BenchmarkWorlds.ZONE)
                .toLocalDateTime();
        invited = OffsetDateTime.parse(AccountExportWorld.INVITED, format).atZoneSameInstant(BenchmarkWorlds.ZONE)
                .toLocalDateTime();
    }

    @TearDown(Level.Trial)
    public void close() {
        world.close();
    }

    @Benchmark
    public long portal() throws IOException {
        CountingStream out = new CountingStream();
        int rows = world.portal().accountOverview().exportXlsx(DemoSchool.ADMIN, AccountExportWorld.SCHOOL, OverviewFilter.ALL,
                Locale.forLanguageTag("nl"), out);
        if (rows != AccountExportWorld.GUARDIANS) {
            throw new IllegalStateException("Exported " + rows + " guardians, expected " + AccountExportWorld.GUARDIANS);
        }
        return out.bytes;
    }

    @Benchmark
    public long floor() throws IOException {
        CountingStream out = new CountingStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("Verzorgers");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy hh:mm"));
            Row first = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
            for (int i = 1; i <= AccountExportWorld.GUARDIANS; i++) {
                Row line = sheet.createRow(i);
                line.createCell(0).setCellValue(new PersonName(null, "Ouder" + i, "van", "Achternaam" + i).sortName());
                line.createCell(1).setCellValue("ouder" + i + "@example.org");
                line.createCell(2).setCellValue("actief");
                Cell login = line.createCell(3);
                login.setCellValue(lastLogin);
                login.setCellStyle(date);
                Cell invitation = line.createCell(4);
                invitation.setCellValue(invited);
                invitation.setCellStyle(date);
                line.createCell(5).setCellValue("verzonden");
                line.createCell(6).setCellValue(new PersonName(null, "Kind" + i, null, "Achternaam" + i).displayName()
                        + " (Groep " + (i % 8 + 1) + ", ja)");
            }
            workbook.write(out);
        }
        return out.bytes;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
