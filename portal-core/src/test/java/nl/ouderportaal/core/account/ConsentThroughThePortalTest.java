package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.ActionUnavailableException;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.testing.MutableClock;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.modules.consent.ConsentChange;
import nl.ouderportaal.modules.consent.ConsentModule;
import nl.ouderportaal.modules.consent.ConsentOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.StaffTable;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Consent (R-CONS) through the portal: effective answers, versions, the 16th birthday, proof and reminders")
class ConsentThroughThePortalTest {

    private static final SchoolYear YEAR = new SchoolYear(2025);

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    private final List<ConsentChange> changes = new CopyOnWriteArrayList<>();
    private PortalStore store;
    private Portal portal;
    private SchoolId school;
    private GuardianId mother;
    private GuardianId father;
    private StudentId sanne;
    private StudentId tim;
    private StaffActor admin;

    @BeforeEach
    void setUp() {
        school = host.addSchool("regenboog", "OBS De Regenboog").id();
        mother = host.addGuardian("mother", "Anna", "Jansen").id();
        father = host.addGuardian("father", "Piet", "Jansen").id();
        sanne = host.addStudent("sanne", school, "Sanne", LocalDate.of(2016, 5, 1), EnrolmentStatus.IN_EDUCATION).id();
        // Tim turns 16 on 20 March 2026, ten days after the clock's start.
        tim = host.addStudent("tim", school, "Tim", LocalDate.of(2010, 3, 20), EnrolmentStatus.IN_EDUCATION).id();
        host.link(mother, sanne, true);
        host.link(father, sanne, true);
        host.link(mother, tim, true);
        host.placeInGroup(sanne, YEAR, InMemoryHost.group("g5", school, YEAR, "Groep 5", 5));
        host.placeInGroup(tim, YEAR, InMemoryHost.group("g8", school, YEAR, "Groep 8", 8));
        store = PortalStore.h2InMemory("consent-" + System.nanoTime());
        portal = host.register(Portal.builder()).store(store).clock(clock)
                .accounts(nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost/"))).install(new ConsentModule(changes::add)).build();
        portal.accounts().importActiveAccount(mother, "anna@example.org", "test");
        portal.accounts().importActiveAccount(father, "piet@example.org", "test");
        portal.configuration().activate(school, ConsentModule.ID, "beheerder");
        portal.configuration().showOnDashboard(school, ConsentModule.ID, true, "beheerder");
        admin = new StaffActor(StaffId.of("m1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(school));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private String session(GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> new Sessions(store, portal.audit(), clock, Duration.ofMinutes(30),
                Duration.ofHours(12)).start(h, guardian, null, null));
    }

    private ActionResult staff(String action, Map<String, ?> input) {
        return portal.staffActions().run(admin, school, ConsentModule.ID, action, input).orElseThrow();
    }

    private String addPurpose(String titleNl, String titleEn) {
        return staff("add-purpose", Map.of("titleNl", titleNl, "titleEn", titleEn, "textNl", "Mogen wij " + titleNl.toLowerCase(Locale.ROOT)
                + "?", "textEn", "May we use " + titleEn.toLowerCase(Locale.ROOT) + "?")).reference();
    }

    private ActionResult answer(GuardianId guardian, StudentId child, String purpose, String yesOrNo) {
        return portal.actions().run(portal.authentication().writePermit(session(guardian)), child, ConsentModule.ID, "answer",
                Map.of("purpose", purpose, "answer", yesOrNo)).orElseThrow();
    }

    private Section purposeSection(GuardianId guardian, StudentId child, String purpose) {
        return portal.guardians().modulePage(Viewer.guardian(guardian), child, ConsentModule.ID, Optional.empty()).orElseThrow()
                .sections().stream().filter(s -> purpose.equals(s.anchor())).findFirst().orElseThrow();
    }

    /** The effective answer as the child page shows it (its Dutch label). */
    private String shown(GuardianId guardian, StudentId child, String purpose) {
        Block.Fields fields = (Block.Fields) purposeSection(guardian, child, purpose).blocks().get(1);
        return ((Value.Localized) fields.fields().get(1).value()).text().nl();
    }

    private List<List<Value>> history(GuardianId guardian, StudentId child) {
        Section history = portal.guardians().modulePage(Viewer.guardian(guardian), child, ConsentModule.ID, Optional.empty())
                .orElseThrow().sections().stream().filter(s -> ConsentModule.HISTORY.equals(s.anchor())).findFirst().orElseThrow();
        return ((Block.Table) history.blocks().get(0)).rows();
    }

    @Test
    void withTwoGuardiansItIsYesOnlyWhenEveryoneWhoAnsweredSaidYes() {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        assertThat(shown(mother, sanne, photos)).startsWith("Nog niet beantwoord");

        answer(mother, sanne, photos, "yes");
        assertThat(shown(father, sanne, photos)).as("one yes, nobody else answered").isEqualTo("Ja, toestemming");

        ActionResult no = answer(father, sanne, photos, "no");
        assertThat(no.details()).containsEntry("effective", "no");
        assertThat(shown(mother, sanne, photos)).isEqualTo("Nee, geen toestemming");

        answer(father, sanne, photos, "yes");
        assertThat(shown(mother, sanne, photos)).isEqualTo("Ja, toestemming");
        assertThat(changes).extracting(ConsentChange::consent).containsExactly(true, false, true);
    }

    @Test
    void whenTheSchoolWantsEveryGuardiansAnswerOneYesIsNotEnough() {
        portal.configuration().setOptions(school, ConsentModule.ID, new ConsentOptions(true), "beheerder");
        String photos = addPurpose("Foto's in de nieuwsbrief", "Photos in the newsletter");

        answer(mother, sanne, photos, "yes");
        assertThat(shown(mother, sanne, photos)).startsWith("Nog niet alle ouders/verzorgers hebben geantwoord");
        assertThat(changes).isEmpty();

        answer(father, sanne, photos, "yes");
        assertThat(shown(mother, sanne, photos)).isEqualTo("Ja, toestemming");
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.consent()).isTrue());
    }

    @Test
    void aGuardianSeesWhatHoldsButNeverTheOtherGuardiansOwnAnswerOrName() throws Exception {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        answer(father, sanne, photos, "no");

        var page = portal.guardians().modulePage(Viewer.guardian(mother), sanne, ConsentModule.ID, Optional.empty()).orElseThrow();
        String json = nl.ouderportaal.core.render.PortalJson.write(page);

        assertThat(json).contains("Nee, geen toestemming").doesNotContain("Piet", "father");
    }

    @Test
    void fromTheSixteenthBirthdayThePupilDecidesAndStaffRecordTheAnswer() {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        answer(mother, tim, photos, "yes");
        assertThat(shown(mother, tim, photos)).isEqualTo("Ja, toestemming");
        assertThatThrownBy(() -> staff("record-pupil-answer", Map.of("pupil", "tim", "purpose", photos, "answer", "no")))
                .as("still 15").isInstanceOf(PortalValidationException.class);

        clock.advance(Duration.ofDays(10));

        assertThat(shown(mother, tim, photos)).as("the mother's yes no longer counts").startsWith("Nog niet beantwoord");
        var page = portal.guardians().modulePage(Viewer.guardian(mother), tim, ConsentModule.ID, Optional.empty()).orElseThrow();
        assertThat(((Block.Notice) page.sections().get(0).blocks().get(0)).text().nl()).contains("Tim Jansen is 16 jaar of ouder en beslist nu zelf");
        assertThatThrownBy(() -> answer(mother, tim, photos, "yes")).isInstanceOf(ActionUnavailableException.class);
        assertThat(portal.actions().forChild(Viewer.guardian(mother), tim).orElseThrow())
                .filteredOn(a -> a.module().equals(ConsentModule.ID)).singleElement()
                .satisfies(a -> assertThat(a.available()).isFalse());

        staff("record-pupil-answer", Map.of("pupil", "tim", "purpose", photos, "answer", "no", "signedOn", "2026-03-20"));

        assertThat(shown(mother, tim, photos)).isEqualTo("Nee, geen toestemming");
        StaffTable proof = portal.staffActions().view(admin, school, ConsentModule.ID, "history", Map.of("child", "tim")).orElseThrow();
        assertThat(proof.rows()).extracting(r -> r.get(3) + " " + r.get(4)).containsExactly("ja ouder/verzorger Anna Jansen", "nee leerling");
        assertThat(proof.rows().get(1).get(5)).contains("papier", "Juf Ineke", "2026-03-20");
    }

    @Test
    void aNewTextAsksAgainWhileTheEarlierAnswersStayAsProof() {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        answer(mother, sanne, photos, "yes");
        assertThat(portal.guardians().dashboard(Viewer.guardian(mother), Optional.of(ConsentModule.ID)).entries())
                .noneMatch(e -> e.child().equals(sanne));

        ActionResult changed = staff("change-text", Map.of("purpose", photos, "textNl", "Mogen wij foto's en video's plaatsen?",
                "textEn", "May we publish photos and videos?"));

        assertThat(changed.details()).containsEntry("version", 2);
        assertThat(shown(mother, sanne, photos)).startsWith("Nog niet beantwoord");
        assertThat(purposeSection(mother, sanne, photos).blocks().get(0)).isEqualTo(
                new Block.Paragraph(Value.localized("Mogen wij foto's en video's plaatsen?", "May we publish photos and videos?")));
        assertThat(portal.guardians().dashboard(Viewer.guardian(mother), Optional.of(ConsentModule.ID)).entries())
                .filteredOn(e -> e.child().equals(sanne))
                .extracting(e -> e.title().nl()).containsExactly("Toestemming gevraagd voor Sanne Jansen: 1 vraag");
        assertThat(changes).extracting(c -> c.cause() + ":" + c.consent() + ":v" + c.version())
                .containsExactly("answer:true:v1", "new-version:false:v2");
        assertThatThrownBy(() -> portal.actions().run(portal.authentication().writePermit(session(mother)), sanne, ConsentModule.ID,
                "answer", Map.of("purpose", photos, "version", 1, "answer", "yes"))).isInstanceOf(ActionConflictException.class);

        answer(mother, sanne, photos, "yes");

        assertThat(shown(mother, sanne, photos)).isEqualTo("Ja, toestemming");
        StaffTable proof = portal.staffActions().view(admin, school, ConsentModule.ID, "history", Map.of("child", "sanne")).orElseThrow();
        assertThat(proof.rows()).extracting(r -> r.get(2) + ":" + r.get(3)).containsExactly("1:ja", "2:ja");
    }

    @Test
    void withdrawingIsAsEasyAsGivingAndBothStayInTheHistory() {
        String photos = addPurpose("Foto's op sociale media", "Photos on social media");

        answer(mother, sanne, photos, "yes");
        answer(mother, sanne, photos, "no");

        assertThat(shown(mother, sanne, photos)).isEqualTo("Nee, geen toestemming");
        assertThat(history(mother, sanne)).extracting(row -> ((Value.Localized) row.get(3)).text().nl())
                .containsExactly("Ja, toestemming", "Nee, geen toestemming");
        assertThat(portal.staffActions().view(admin, school, ConsentModule.ID, "history", Map.of("child", "sanne")).orElseThrow()
                .rows()).hasSize(2);
        assertThat(portal.guardians().sectionPdf(Viewer.guardian(mother), sanne, ConsentModule.ID, Optional.empty(),
                ConsentModule.HISTORY, new Locale("nl"))).isPresent();
    }

    @Test
    void theReminderSaysHowManyWouldBeMailedAndSendsOnlyWhenConfirmed() {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        String guide = addPurpose("Foto's in de schoolgids", "Photos in the school guide");
        answer(mother, sanne, photos, "yes");
        answer(mother, tim, photos, "yes");
        answer(mother, tim, guide, "no");
        int before = mails("consent-reminder");

        ActionResult dryRun = staff("send-reminder", Map.of());

        assertThat(dryRun.details()).containsEntry("sent", false).containsEntry("guardians", 2).containsEntry("children", 1);
        assertThat(dryRun.message().nl()).startsWith("Er is niets verstuurd. 2 ouder(s)/verzorger(s) van 1 kind(eren)");
        assertThat(mails("consent-reminder")).isEqualTo(before);
        assertThat(portal.staffActions().view(admin, school, ConsentModule.ID, "not-answered", Map.of()).orElseThrow().rows())
                .as("Tim's answers are complete; Sanne's guide is open for both parents")
                .containsExactly(List.of("Jansen, Sanne", "Groep 5", "Anna Jansen, Piet Jansen", "Foto's in de schoolgids"));

        ActionResult sent = staff("send-reminder", Map.of("confirm", true));

        assertThat(sent.details()).containsEntry("sent", true).containsEntry("guardians", 2);
        assertThat(mails("consent-reminder")).isEqualTo(before + 2);
        String text = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                "select body_text from mail_outbox where kind = 'consent-reminder' and recipient = 'piet@example.org'").mapTo(String.class).one());
        assertThat(text).contains("OBS De Regenboog vraagt uw toestemming", "- Sanne Jansen: Foto's in de schoolgids")
                .doesNotContain("Tim", "website");
        assertThat(staff("send-reminder", Map.of("confirm", false)).details()).containsEntry("sent", false);
        assertThat(mails("consent-reminder")).isEqualTo(before + 2);
    }

    private int mails(String kind) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select count(*) from mail_outbox where kind = :kind").bind("kind", kind)
                .mapTo(Integer.class).one());
    }

    @Test
    void anImpersonationCannotAnswer() {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        String impersonation = portal.impersonations().start(admin, mother);

        assertThatThrownBy(() -> portal.authentication().writePermit(impersonation)).isInstanceOf(ImpersonationReadOnlyException.class);
        assertThat(shown(mother, sanne, photos)).startsWith("Nog niet beantwoord");
    }

    @Test
    void theClassListHoldsTheEffectiveAnswersPerGroupAndItsXlsxIsSafeFromFormulas() throws Exception {
        Student evil = host.addStudent("evil", school, "Evil", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION);
        host.replaceStudent(new Student(evil.id(), school, new PersonName(null, "=HYPERLINK(\"http://x.example\",\"klik\")", null, "Jansen"),
                evil.enrolmentStatus(), evil.personalData(), evil.address(), false, List.of(), null, evil.registration(), List.of()));
        host.link(father, evil.id(), true);
        host.placeInGroup(evil.id(), YEAR, InMemoryHost.group("g5", school, YEAR, "Groep 5", 5));
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        answer(mother, sanne, photos, "yes");

        StaffTable list = portal.staffActions().view(admin, school, ConsentModule.ID, "class-list", Map.of("group", "g5")).orElseThrow();

        assertThat(list.title().nl()).isEqualTo("Toestemmingen – Groep 5");
        assertThat(list.rows()).extracting(r -> r.get(2)).containsExactlyInAnyOrder("ja", "nee (geen antwoord)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        portal.staffActions().writeXlsx(list, new Locale("nl"), out);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                row.forEach(cell -> {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    cells.add(cell.getStringCellValue());
                });
            }
        }
        assertThat(cells).contains("Jansen, Sanne", "ja", "nee (geen antwoord)", "Foto's op de website")
                .anyMatch(c -> c.contains("=HYPERLINK"));
        assertThat(portal.staffActions().view(admin, school, ConsentModule.ID, "class-list", Map.of("group", "g8")).orElseThrow().rows())
                .extracting(r -> r.get(0)).containsExactly("Jansen, Tim");
    }

    @Test
    void theGuardiansDataExportHoldsTheConsentPageWithItsHistoryAndEveryAnswerIsAudited() throws Exception {
        String photos = addPurpose("Foto's op de website", "Photos on the website");
        answer(mother, sanne, photos, "yes");
        answer(mother, sanne, photos, "no");

        String json = new String(portal.dataExports().json(portal.authentication().writePermit(session(mother))),
                java.nio.charset.StandardCharsets.UTF_8);

        var tree = nl.ouderportaal.core.render.PortalJson.mapper().readTree(json);
        assertThat(tree.get("childPages")).extracting(p -> p.get("pageId").asText()).contains("consent");
        assertThat(json).contains("Foto's op de website", "Nee, geen toestemming", "In het Ouderportaal");
        assertThat(portal.audit().ofSchool(school, 50)).extracting(e -> e.action())
                .contains("staff-action.consent.add-purpose", "action.consent.answer");
    }
}
