package nl.ouderportaal.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.host.PersonName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs in its own JVM of 256 MB (the surefire execution "low-memory" in portal-core's POM). */
@Tag("low-memory")
@DisplayName("The Excel export streams")
class OverviewXlsxLowMemoryTest {

    @Test
    void aHundredThousandGuardiansExportInA256MegabyteJvm() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx256m").isLessThanOrEqualTo(300L << 20);
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        Iterator<OverviewRow> rows = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 100_000;
            }

            @Override
            public OverviewRow next() {
                int i = next++;
                return new OverviewRow(GuardianId.of("g" + i), new PersonName(null, "Ouder" + i, "van", "Achternaam" + i),
                        "ouder" + i + "@example.org", AccountStatus.ACTIVE, now,
                        new DeliveryStatus(DeliveryStatus.State.SENT, now, now, 1, null),
                        List.of(new OverviewRow.Child(nl.ouderportaal.spi.StudentId.of("s-" + i), new PersonName(null, "Kind" + i, null, "Achternaam" + i), "Groep 5", true)));
            }
        };
        CountingStream out = new CountingStream();

        OverviewXlsx.write(rows, new Locale("nl"), ZoneId.of("Europe/Amsterdam"), out);

        assertThat(out.bytes).as("an xlsx of 100,000 rows").isGreaterThan(3_000_000L);
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
