package nl.ouderportaal.modules.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.PurposeText;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.record.StoredRecord;

/**
 * The consents of every child of a school now, for the staff views and the reminder: the school's records read
 * once (purposes, texts, every answer), the host's families once.
 */
final class SchoolConsents {

    /** One child: its family, the purposes that apply with the effective answer, and who has not answered yet. */
    record Row(Families.Family family, boolean pupilDecides, Map<String, State> states, Map<String, Set<GuardianId>> missing) {

        boolean open() {
            return states.values().stream().anyMatch(s -> s == State.OPEN || s == State.WAITING);
        }
    }

    final List<Purpose> purposes;
    final Map<String, PurposeText> texts;
    final List<Row> rows;

    private SchoolConsents(List<Purpose> purposes, Map<String, PurposeText> texts, List<Row> rows) {
        this.purposes = purposes;
        this.texts = texts;
        this.rows = rows;
    }

    static SchoolConsents of(StaffContext<ConsentOptions> context) {
        var records = context.records();
        SchoolYear year = SchoolYear.containing(context.today());
        Map<String, PurposeText> texts = new LinkedHashMap<>();
        List<Purpose> purposes = new ArrayList<>();
        for (Purpose p : ConsentRecords.purposes(records)) {
            if (p.appliesIn(year)) {
                ConsentModule.currentText(records, p).ifPresent(t -> {
                    purposes.add(p);
                    texts.put(p.id(), t);
                });
            }
        }
        Map<StudentId, List<StoredRecord<Answer>>> answers = new LinkedHashMap<>();
        records.all(ConsentRecords.ANSWER).stream()
                .filter(r -> r.keys().child() != null)
                .sorted(Comparator.comparing((StoredRecord<Answer> r) -> r.createdAt()).thenComparingLong(StoredRecord::id))
                .forEach(r -> answers.computeIfAbsent(r.keys().child(), c -> new ArrayList<>()).add(r));
        boolean all = context.options().everyGuardianMustAnswer();
        List<Row> rows = new ArrayList<>();
        for (Families.Family family : Families.ofSchool(context, context.school().id(), year)) {
            boolean pupil = Consents.pupilDecides(family.child().personalData().birthDate(), context.today());
            List<StoredRecord<Answer>> own = answers.getOrDefault(family.child().id(), List.of());
            Map<String, State> states = new LinkedHashMap<>();
            Map<String, Set<GuardianId>> missing = new LinkedHashMap<>();
            for (Purpose p : purposes) {
                State state = Consents.effective(own, p.id(), p.version(), pupil, all, family.guardians());
                states.put(p.id(), state);
                if (!pupil && (state == State.OPEN || state == State.WAITING)) {
                    missing.put(p.id(), new LinkedHashSet<>(Consents.notAnswered(own, p.id(), p.version(), family.guardians())));
                }
            }
            rows.add(new Row(family, pupil, states, missing));
        }
        return new SchoolConsents(purposes, texts, rows);
    }
}
