package nl.ouderportaal.modules.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.PurposeText;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;

/** The administrator's actions on purposes (R-CONS-1): add one, change its text (a new version), retire it. */
final class PurposeActions {

    static final int TITLE = 100;
    static final int TEXT = 2000;

    private PurposeActions() {
    }

    /** Input of {@code add-purpose}. */
    record NewPurpose(@NotBlank @Size(max = TITLE) String titleNl, @NotBlank @Size(max = TITLE) String titleEn,
                      @NotBlank @Size(max = TEXT) String textNl, @NotBlank @Size(max = TEXT) String textEn,
                      @Size(max = 200) String schoolYears) {
    }

    /** Input of {@code change-text}. */
    record NewText(@NotBlank String purpose, @Size(max = TITLE) String titleNl, @Size(max = TITLE) String titleEn,
                   @NotBlank @Size(max = TEXT) String textNl, @NotBlank @Size(max = TEXT) String textEn) {
    }

    /** Input of {@code retire-purpose}. */
    record Retirement(@NotBlank String purpose) {
    }

    static final class Add implements StaffAction<ConsentOptions, NewPurpose> {

        @Override
        public Descriptor<NewPurpose> descriptor() {
            return new Descriptor<>("add-purpose", LocalizedText.of("Doel toevoegen", "Add a purpose"), NewPurpose.class,
                    StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConsentOptions> context) {
            return ActionForm.of(textFields(true).toArray(FormField[]::new))
                    .intro("Een doel waarvoor de school toestemming vraagt, zoals foto's op de website. Ouders zien de tekst bij elk kind.",
                            "A purpose the school asks consent for, such as photos on the website. Parents see the text with each child.")
                    .submit("Doel toevoegen", "Add purpose");
        }

        static List<FormField> textFields(boolean withYears) {
            List<FormField> fields = new ArrayList<>(List.of(
                    FormField.of("titleNl", FieldKind.TEXT, "Naam (Nederlands)", "Name (Dutch)").asRequired().maxLength(TITLE),
                    FormField.of("titleEn", FieldKind.TEXT, "Naam (Engels)", "Name (English)").asRequired().maxLength(TITLE),
                    FormField.of("textNl", FieldKind.LONG_TEXT, "Tekst (Nederlands)", "Text (Dutch)").asRequired().maxLength(TEXT),
                    FormField.of("textEn", FieldKind.LONG_TEXT, "Tekst (Engels)", "Text (English)").asRequired().maxLength(TEXT)));
            if (withYears) {
                fields.add(FormField.of("schoolYears", FieldKind.TEXT, "Schooljaren", "School years").maxLength(200)
                        .help("Bijvoorbeeld 2026-2027, 2027-2028. Leeg: elk schooljaar.",
                                "Such as 2026-2027, 2027-2028. Empty: every school year."));
            }
            return fields;
        }

        @Override
        public ActionOutcome run(StaffContext<ConsentOptions> context, NewPurpose input) {
            List<String> years = schoolYears(input.schoolYears());
            var records = context.records();
            String id = freeId(records, input.titleNl());
            records.add(ConsentRecords.PURPOSE, RecordKeys.none().key(ConsentRecords.purposeKey(id)),
                    new Purpose(id, 1, false, years));
            records.add(ConsentRecords.TEXT, RecordKeys.none().key(ConsentRecords.textKey(id, 1)),
                    new PurposeText(id, 1, input.titleNl(), input.titleEn(), input.textNl(), input.textEn(), context.staff().name()));
            return ActionOutcome.created("Het doel '" + input.titleNl() + "' is toegevoegd; ouders wordt nu om toestemming gevraagd.",
                            "The purpose '" + input.titleEn() + "' has been added; parents are now asked for consent.")
                    .reference(id).detail("purpose", id).detail("version", 1).audit("purpose " + id + " v1");
        }

        static List<String> schoolYears(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            List<String> years = new ArrayList<>();
            for (String part : text.split("[,;\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    String year = SchoolYear.parse(part).toString();
                    if (!years.contains(year)) {
                        years.add(year);
                    }
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("schoolYears", "Schooljaren: schrijf ze als 2026-2027, gescheiden door komma's.",
                            "School years: write them as 2026-2027, separated by commas.");
                }
            }
            return years;
        }

        private static String freeId(nl.ouderportaal.spi.record.ModuleRecords records, String title) {
            String slug = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (slug.length() > 40) {
                slug = slug.substring(0, 40).replaceAll("-+$", "");
            }
            if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
                slug = "doel-" + slug;
            }
            String id = slug;
            for (int n = 2; ConsentRecords.purpose(records, id).isPresent(); n++) {
                id = slug + "-" + n;
            }
            return id;
        }
    }

    static final class ChangeText implements StaffAction<ConsentOptions, NewText> {

        private final ConsentSink sink;

        ChangeText(ConsentSink sink) {
            this.sink = sink;
        }

        @Override
        public Descriptor<NewText> descriptor() {
            return new Descriptor<>("change-text", LocalizedText.of("Tekst wijzigen", "Change the text"), NewText.class,
                    StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConsentOptions> context) {
            List<FormField> fields = new ArrayList<>();
            fields.add(purposeField(context));
            for (FormField f : Add.textFields(false)) {
                fields.add(f.name().startsWith("title") ? new FormField(f.name(), f.kind(), f.label(),
                        LocalizedText.of("Leeg: de naam blijft.", "Empty: the name stays."), false, f.maxLength(), null, null,
                        List.of(), null) : f);
            }
            return new ActionForm(LocalizedText.of(
                    "Een nieuwe tekst is een nieuwe versie: ouders worden opnieuw gevraagd, tot zij antwoorden geldt nee. "
                            + "Eerdere antwoorden blijven bewaard als bewijs.",
                    "A new text is a new version: parents are asked again, and until they answer it is no. "
                            + "Earlier answers are kept as proof."), fields, LocalizedText.of("Nieuwe versie opslaan", "Save new version"));
        }

        @Override
        public ActionOutcome run(StaffContext<ConsentOptions> context, NewText input) {
            var records = context.records();
            StoredRecord<Purpose> stored = active(records, input.purpose());
            Purpose purpose = stored.value();
            PurposeText old = ConsentModule.currentText(records, purpose).orElseThrow();
            Map<StudentId, State> before = states(context, purpose);
            int version = purpose.version() + 1;
            records.add(ConsentRecords.TEXT, RecordKeys.none().key(ConsentRecords.textKey(purpose.id(), version)),
                    new PurposeText(purpose.id(), version, blankOr(input.titleNl(), old.titleNl()),
                            blankOr(input.titleEn(), old.titleEn()), input.textNl(), input.textEn(), context.staff().name()));
            Purpose changed = new Purpose(purpose.id(), version, false, purpose.schoolYears());
            records.update(stored, changed);
            Map<StudentId, State> after = states(context, changed);
            before.forEach((child, state) -> ConsentModule.report(sink, context.school().id(), child, purpose.id(), version, state,
                    after.getOrDefault(child, State.OPEN), "new-version", context.now()));
            return ActionOutcome.done("Versie " + version + " van de tekst is opgeslagen. Ouders worden opnieuw gevraagd; "
                                    + "eerdere antwoorden blijven bewaard.",
                            "Version " + version + " of the text has been saved. Parents are asked again; earlier answers are kept.")
                    .reference(purpose.id()).detail("purpose", purpose.id()).detail("version", version)
                    .audit("purpose " + purpose.id() + " v" + version);
        }

        private static String blankOr(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    static final class Retire implements StaffAction<ConsentOptions, Retirement> {

        private final ConsentSink sink;

        Retire(ConsentSink sink) {
            this.sink = sink;
        }

        @Override
        public Descriptor<Retirement> descriptor() {
            return new Descriptor<>("retire-purpose", LocalizedText.of("Doel beëindigen", "Retire a purpose"), Retirement.class,
                    StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConsentOptions> context) {
            return ActionForm.of(purposeField(context))
                    .intro("De school vraagt dan niet meer om toestemming voor dit doel en gebruikt het niet meer. Alle antwoorden blijven bewaard.",
                            "The school then no longer asks consent for this purpose and no longer uses it. Every answer is kept.")
                    .submit("Doel beëindigen", "Retire purpose");
        }

        @Override
        public ActionOutcome run(StaffContext<ConsentOptions> context, Retirement input) {
            var records = context.records();
            StoredRecord<Purpose> stored = active(records, input.purpose());
            Purpose purpose = stored.value();
            Map<StudentId, State> before = states(context, purpose);
            records.update(stored, new Purpose(purpose.id(), purpose.version(), true, purpose.schoolYears()));
            before.forEach((child, state) -> ConsentModule.report(sink, context.school().id(), child, purpose.id(),
                    purpose.version(), state, State.OPEN, "retired", context.now()));
            return ActionOutcome.done("Het doel is beëindigd; de antwoorden blijven bewaard.",
                    "The purpose has been retired; the answers are kept.").reference(purpose.id()).audit("purpose " + purpose.id() + " retired");
        }
    }

    static FormField purposeField(StaffContext<ConsentOptions> context) {
        List<Choice> choices = ConsentRecords.purposes(context.records()).stream().filter(p -> !p.retired())
                .flatMap(p -> ConsentModule.currentText(context.records(), p).stream()
                        .map(t -> new Choice(p.id(), LocalizedText.of(t.titleNl() + " (versie " + p.version() + ")",
                                t.titleEn() + " (version " + p.version() + ")"))))
                .toList();
        return FormField.of("purpose", FieldKind.CHOICE, "Doel", "Purpose").asRequired().choices(choices);
    }

    static StoredRecord<Purpose> active(nl.ouderportaal.spi.record.ModuleRecords records, String id) {
        return ConsentRecords.purpose(records, id).filter(r -> !r.value().retired())
                .orElseThrow(() -> InvalidInputException.of("purpose", "Dit doel bestaat niet (meer).", "This purpose does not exist (any more)."));
    }

    /** The effective answers of every child that has an answer for the purpose, for the sink. */
    static Map<StudentId, State> states(StaffContext<ConsentOptions> context, Purpose purpose) {
        Map<StudentId, List<StoredRecord<Answer>>> byChild = new LinkedHashMap<>();
        for (StoredRecord<Answer> answer : context.records().all(ConsentRecords.ANSWER)) {
            if (answer.keys().child() != null && answer.value().purpose().equals(purpose.id())) {
                byChild.computeIfAbsent(answer.keys().child(), c -> new ArrayList<>()).add(answer);
            }
        }
        Map<StudentId, State> states = new LinkedHashMap<>();
        if (byChild.isEmpty()) {
            return states;
        }
        Map<StudentId, Student> students = new LinkedHashMap<>();
        context.source(StudentSource.class).students(byChild.keySet()).forEach(s -> students.put(s.id(), s));
        boolean all = context.options().everyGuardianMustAnswer();
        Map<StudentId, List<GuardianId>> guardians = all ? Families.guardiansByChild(context, context.school().id()) : Map.of();
        for (var entry : byChild.entrySet()) {
            Student student = students.get(entry.getKey());
            if (student == null) {
                continue;
            }
            boolean pupil = Consents.pupilDecides(student.personalData().birthDate(), context.today());
            List<GuardianId> withRight = all && !pupil ? guardians.getOrDefault(student.id(), List.of()) : List.of();
            List<StoredRecord<Answer>> answers = entry.getValue();   // in the order they were added
            states.put(student.id(), purpose.retired() ? State.OPEN
                    : Consents.effective(answers, purpose.id(), purpose.version(), pupil, all, withRight));
        }
        return states;
    }
}
