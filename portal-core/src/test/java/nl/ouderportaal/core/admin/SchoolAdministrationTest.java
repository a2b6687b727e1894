package nl.ouderportaal.core.admin;

import nl.ouderportaal.core.testing.UserTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.settings.DashboardImages;
import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("School administration by staff users")
class SchoolAdministrationTest {

    private static final SchoolId REGENBOOG = SchoolId.of("regenboog");
    private static final SchoolId KLIMOP = SchoolId.of("klimop");
    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN), Set.of(REGENBOOG));

    private static final class World implements AutoCloseable {
        final InMemoryHost host = new InMemoryHost();
        final PortalStore store;
        final Portal portal;
        final GuardianId parent;

        World(PortalStore store) {
            this.store = store;
            host.addSchool(REGENBOOG.value(), "OBS De Regenboog");
            host.addSchool(KLIMOP.value(), "CBS De Klimop");
            parent = host.addGuardian("parent", "Anna", "Jansen").id();
            var sanne = host.addStudent("sanne", REGENBOOG, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
            host.link(parent, sanne, true);
            portal = host.register(Portal.builder())
                    .accounts(nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost:8080/"))).store(store).install(new AbsencesModule()).build();
            portal.accounts().importActiveAccount(parent, "anna@example.org", "test");
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @OnBothDatabases
    void anAdministratorChangesSettingsAndModulesOfTheirOwnSchoolOnly(String db, Supplier<PortalStore> store) {
        try (World w = new World(store.get())) {
            StaffActor otherSchool = new StaffActor(StaffId.of("m9"), "Beheer Klimop", Set.of(StaffActor.Role.ADMIN), Set.of(KLIMOP));
            StaffActor teacher = new StaffActor(StaffId.of("m8"), "Meester Jan", Set.of(StaffActor.Role.INVITE), Set.of(REGENBOOG));

            w.portal.administration().activate(ADMIN, REGENBOOG, AbsencesModule.ID);
            w.portal.administration().updateSettings(ADMIN, REGENBOOG, new SchoolSettingsUpdate("a@regenboog.nl", null, false));

            assertThat(w.portal.administration().modules(ADMIN, REGENBOOG).get(0).moduleSwitch()).isEqualTo(new ModuleSwitch(true, false));
            assertThatThrownBy(() -> w.portal.administration().deactivate(otherSchool, REGENBOOG, AbsencesModule.ID))
                    .isInstanceOf(AccessRefusedException.class).satisfies(e -> assertThat(UserTexts.dutch(e)).contains("beheert het Ouderportaal van deze school niet"));
            assertThatThrownBy(() -> w.portal.administration().settings(teacher, REGENBOOG)).isInstanceOf(AccessRefusedException.class);
            assertThat(w.portal.administration().modules(ADMIN, REGENBOOG).get(0).moduleSwitch().active()).isTrue();
            assertThat(w.portal.audit().ofSchool(REGENBOOG, 10)).extracting(AuditEvent::action)
                    .startsWith("admin.refused", "admin.refused", "settings.changed", "module.activated");
            assertThat(w.portal.audit().ofSchool(REGENBOOG, 10).get(2).actorName()).isEqualTo("J. de Boer");
        }
    }

    @OnBothDatabases
    void anyPngOrJpegIsCroppedToItsCentreSquareAndShownOnTheDashboard(String db, Supplier<PortalStore> store) throws Exception {
        try (World w = new World(store.get())) {
            byte[] wide = image(800, 400, "png");

            w.portal.administration().setDashboardImage(ADMIN, REGENBOOG, wide);

            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(
                    w.portal.guardians().dashboardImage(Viewer.guardian(w.parent), REGENBOOG).orElseThrow()));
            assertThat(shown.getWidth()).isEqualTo(512);
            assertThat(shown.getHeight()).isEqualTo(512);
            assertThat(new Color(shown.getRGB(5, 256))).isEqualTo(Color.GREEN);
            assertThat(new Color(shown.getRGB(506, 256))).isEqualTo(Color.GREEN);
            assertThat(w.portal.guardians().dashboardImage(Viewer.guardian(w.parent), KLIMOP)).isEmpty();

            w.portal.administration().setDashboardImage(ADMIN, REGENBOOG, image(300, 300, "jpeg"));
            w.portal.administration().removeDashboardImage(ADMIN, REGENBOOG);
            assertThat(w.portal.guardians().dashboardImage(Viewer.guardian(w.parent), REGENBOOG).orElseThrow())
                    .isEqualTo(DashboardImages.defaultImage());
        }
    }

    @Test
    void hostileOrUnusableFilesAreRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        try (World w = new World(PortalStore.h2InMemory("images-" + System.nanoTime()))) {
            byte[] textNamedPng = "Dit is geen plaatje, al heet het plaatje.png".getBytes(StandardCharsets.UTF_8);
            byte[] tiny = image(1, 1, "png");
            byte[] bomb = headerOnlyPng(20_000, 20_000);
            byte[] tooHeavy = Arrays.copyOf(image(200, 200, "png"), DashboardImages.MAX_BYTES + 1);
            byte[] gif = image(300, 300, "gif");

            assertRefused(w, textNamedPng, "geen PNG- of JPEG-afbeelding");
            assertRefused(w, tiny, "1 x 1 pixels; ze moet minstens 170 x 170 pixels zijn");
            assertRefused(w, image(169, 400, "png"), "minstens 170 x 170");
            assertRefused(w, bomb, "te groot (20000 x 20000 pixels)");
            assertRefused(w, tooHeavy, "groter dan 5 MB");
            assertRefused(w, gif, "geen PNG- of JPEG-afbeelding");
            assertRefused(w, Arrays.copyOf(image(400, 400, "png"), 300), "kan niet worden gelezen");

            assertThat(w.portal.configuration().dashboardImage(REGENBOOG)).isEqualTo(DashboardImages.defaultImage());
            assertThat(w.portal.audit().ofSchool(REGENBOOG, 10)).isEmpty();
        }
    }

    private static void assertRefused(World w, byte[] upload, String message) {
        assertThatThrownBy(() -> w.portal.administration().setDashboardImage(ADMIN, REGENBOOG, upload))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> {
                    assertThat(e.message(new Locale("nl"))).contains(message);
                    assertThat(e.violations().get(0).message().en()).isNotBlank();
                });
    }

    /** A wide image: red left, green centre square, blue right. */
    private static byte[] image(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, width, height);
        if (width > height) {
            g.setColor(Color.RED);
            g.fillRect(0, 0, (width - height) / 2, height);
            g.setColor(Color.BLUE);
            g.fillRect((width + height) / 2, 0, width, height);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG that declares an enormous size in its header and holds no pixel data at all. */
    private static byte[] headerOnlyPng(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
