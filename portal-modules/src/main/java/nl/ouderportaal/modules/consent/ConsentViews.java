package nl.ouderportaal.modules.consent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.How;
import nl.ouderportaal.modules.consent.ConsentRecords.PurposeText;
import nl.ouderportaal.modules.consent.ConsentRecords.Who;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.action.StaffTable;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.record.StoredRecord;

/** The consent module's staff views (R-CONS-6): the class list, the families that have not answered, a child's proof. */
final class ConsentViews {

    private ConsentViews() {
    }

    private static final LocalizedText PUPIL = LocalizedText.of("Leerling", "Pupil");
    private static final LocalizedText GROUP = LocalizedText.of("Groep", "Group");

    /** The rows of a group ({@code ?group=} by id or name), or of the whole school without one. */
    private static List<SchoolConsents.Row> inGroup(SchoolConsents consents, Map<String, String> parameters) {
        String group = parameters.get("group");
        if (group == null || group.isBlank()) {
            return consents.rows;
        }
        return consents.rows.stream().filter(r -> r.family().group() != null
                && (r.family().group().id().value().equals(group) || r.family().group().name().equalsIgnoreCase(group))).toList();
    }

    private static String groupTitle(Map<String, String> parameters, List<SchoolConsents.Row> rows) {
        String group = parameters.get("group");
        if (group == null || group.isBlank()) {
            return "";
        }
        return rows.isEmpty() ? " – " + group : " – " + rows.get(0).family().groupName();
    }

    /**
     * Who may appear in which publication: per child of a group, the effective answer per purpose. For every staff
     * user who serves the school (the teacher on the day of the school photo); it names no guardian.
     */
    static final class ClassList implements StaffView<ConsentOptions> {

        @Override
        public Descriptor descriptor() {
            return new Descriptor("class-list", LocalizedText.of("Klassenlijst toestemmingen", "Class list of consent"), null,
                    List.of("group"));
        }

        @Override
        public StaffTable table(StaffContext<ConsentOptions> context) {
            SchoolConsents consents = SchoolConsents.of(context);
            List<SchoolConsents.Row> rows = inGroup(consents, context.parameters());
            List<LocalizedText> headers = new ArrayList<>(List.of(PUPIL, GROUP));
            consents.purposes.forEach(p -> headers.add(consents.texts.get(p.id()).title()));
            List<List<String>> cells = new ArrayList<>();
            for (SchoolConsents.Row row : rows) {
                List<String> line = new ArrayList<>(List.of(row.family().child().name().sortName(), row.family().groupName()));
                consents.purposes.forEach(p -> line.add(row.states().get(p.id()).cell()));
                cells.add(line);
            }
            String suffix = groupTitle(context.parameters(), rows);
            return new StaffTable(LocalizedText.of("Toestemmingen" + suffix, "Consent" + suffix), headers, cells,
                    LocalizedText.of("Alleen 'ja' is toestemming; geen antwoord telt als nee. Stand van " + context.today() + ".",
                            "Only 'ja' (yes) is consent; no answer counts as no ('nee'). As of " + context.today() + "."));
        }
    }

    /** The families that have not answered every purpose: per child, who has not answered what. Administrators only. */
    static final class NotAnswered implements StaffView<ConsentOptions> {

        @Override
        public Descriptor descriptor() {
            return new Descriptor("not-answered", LocalizedText.of("Nog niet beantwoord", "Not answered yet"), StaffActor.Role.ADMIN,
                    List.of("group"));
        }

        @Override
        public StaffTable table(StaffContext<ConsentOptions> context) {
            SchoolConsents consents = SchoolConsents.of(context);
            List<List<String>> cells = new ArrayList<>();
            for (SchoolConsents.Row row : inGroup(consents, context.parameters())) {
                if (!row.open()) {
                    continue;
                }
                Set<GuardianId> who = new LinkedHashSet<>();
                row.missing().values().forEach(who::addAll);
                List<String> open = new ArrayList<>();
                row.states().forEach((purpose, state) -> {
                    if (!state.consent() && state != Consents.State.NO) {
                        open.add(consents.texts.get(purpose).titleNl());
                    }
                });
                String guardians = row.pupilDecides() ? "De leerling zelf (16+)"
                        : String.join(", ", who.stream().map(g -> row.family().names().getOrDefault(g, g.value())).toList());
                cells.add(List.of(row.family().child().name().sortName(), row.family().groupName(), guardians, String.join(", ", open)));
            }
            String suffix = groupTitle(context.parameters(), inGroup(consents, context.parameters()));
            return new StaffTable(LocalizedText.of("Nog niet beantwoord" + suffix, "Not answered yet" + suffix),
                    List.of(PUPIL, GROUP, LocalizedText.of("Wie nog niet antwoordde", "Who has not answered"),
                            LocalizedText.of("Open doelen", "Open purposes")), cells,
                    LocalizedText.of("Met de actie 'Herinnering sturen' mailt u deze ouders/verzorgers.",
                            "The action 'Send a reminder' mails these parents and guardians."));
        }
    }

    /** A child's proof (R-CONS-5): every answer with who, when, which version and how; as PDF its proof to print. Administrators only. */
    static final class History implements StaffView<ConsentOptions> {

        @Override
        public Descriptor descriptor() {
            return new Descriptor("history", LocalizedText.of("Bewijs per leerling", "Proof per pupil"), StaffActor.Role.ADMIN,
                    List.of("child"));
        }

        @Override
        public StaffTable table(StaffContext<ConsentOptions> context) {
            String id = context.parameters().getOrDefault("child", "");
            List<LocalizedText> headers = List.of(LocalizedText.of("Moment", "Moment"), LocalizedText.of("Doel", "Purpose"),
                    LocalizedText.of("Versie", "Version"), LocalizedText.of("Antwoord", "Answer"), LocalizedText.of("Wie", "Who"),
                    LocalizedText.of("Hoe", "How"));
            Student child = id.isBlank() ? null : context.source(StudentSource.class).students(List.of(StudentId.of(id))).stream()
                    .filter(s -> s.schoolId().equals(context.school().id())).findFirst().orElse(null);
            if (child == null) {
                return new StaffTable(LocalizedText.of("Bewijs van toestemming", "Proof of consent"), headers, List.of(),
                        LocalizedText.of("Geef een leerling van deze school: ?child=<id>.", "Name a pupil of this school: ?child=<id>."));
            }
            var records = context.records();
            List<List<String>> cells = new ArrayList<>();
            for (StoredRecord<Answer> r : ConsentRecords.answers(records, child.id())) {
                Answer a = r.value();
                String title = ConsentRecords.text(records, a.purpose(), a.version()).map(PurposeText::titleNl).orElse(a.purpose());
                String who = a.who() == Who.PUPIL ? "leerling" : "ouder/verzorger " + a.name();
                String how = a.how() == How.PORTAL ? "Ouderportaal"
                        : "papier, vastgelegd door " + a.name() + (a.paperDate() == null ? "" : ", formulier van " + a.paperDate());
                cells.add(List.of(ConsentModule.MOMENT.format(r.createdAt().atZone(context.zone())), title, String.valueOf(a.version()),
                        a.yes() ? "ja" : "nee", who, how));
            }
            String name = child.name().displayName();
            return new StaffTable(LocalizedText.of("Bewijs van toestemming – " + name, "Proof of consent – " + name), headers, cells,
                    LocalizedText.of("Elk antwoord, nooit gewijzigd of verwijderd. Stand van " + context.today() + ".",
                            "Every answer, never changed or removed. As of " + context.today() + "."));
        }
    }
}
