package nl.ouderportaal.core.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.StudentFields;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.internal.SettingsRepository;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ChangeRequestListener;
import nl.ouderportaal.spi.host.FieldChange;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.CorrectableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrections guardians send (R-CHG): for a visible child's personal data, address, emergency numbers
 * and existing medical data, and for their own name, address and contact data. The portal never changes
 * host data: a request is validated, stored, mailed (old -&gt; new per field) to the school's
 * change-request address through the outbox, and handed to the host's optional
 * {@link ChangeRequestListener}. Refused in an impersonation (R-CHG-5). Thread-safe.
 */
public final class ChangeRequests {

    /** The weighting scheme ended on this day and still applies to pupils who started before it (R-CHG-3). */
    public static final LocalDate WEIGHTING_ENDED = LocalDate.of(2019, 8, 1);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PortalStore store;
    private final HostSources sources;
    private final SettingsRepository settings;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public ChangeRequests(PortalStore store, HostSources sources, SettingsRepository settings, MailOutbox outbox, AuditLog audit,
                          Clock clock, ZoneId zone) {
        this.store = store;
        this.sources = sources;
        this.settings = settings;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The guardian's own correctable data (the profile's edit pencils). */
    public List<CorrectableField> ownFields(Viewer viewer) {
        return sources.get(GuardianSource.class).guardian(viewer.guardian()).map(StudentFields::of).orElse(List.of());
    }

    /**
     * Proposes corrections for a visible child in the transaction of the {@code correct} action of the
     * child's About page; mails them to the child's school.
     *
     * @throws PortalValidationException for an unknown field, an invalid value, no change at all, or a school
     *     without change-request address; nothing is stored or sent
     */
    ChangeRequestListener.Request forChild(Handle h, GuardianId guardianId, Student student, List<CorrectableField> fields,
                                           Map<String, String> proposed) {
        List<FieldChange> changes = changes(fields, proposed);
        Guardian guardian = guardian(guardianId);
        String to = changeAddress(student.schoolId());
        return store(h, guardianId, guardian, student.schoolId(), student, changes, false, List.of(), to);
    }

    /**
     * Proposes corrections of the guardian's own data, in the transaction of the profile's {@code correct}
     * action; mailed to every school of the guardian's visible children. A change of country of birth or
     * education level carries the funding warning (R-CHG-3).
     */
    List<ChangeRequestListener.Request> forSelf(Handle h, GuardianId guardianId, List<Student> children,
                                                Map<String, String> proposed) {
        Guardian guardian = guardian(guardianId);
        List<FieldChange> changes = changes(StudentFields.of(guardian), proposed);
        Map<SchoolId, List<Student>> bySchool = children.stream()
                .collect(Collectors.groupingBy(Student::schoolId, LinkedHashMap::new, Collectors.toList()));
        if (bySchool.isEmpty()) {
            throw PortalValidationException.of("", "Er is geen school waar u deze wijziging naartoe kunt sturen.",
                    "There is no school to send this change to.");
        }
        Map<SchoolId, String> addresses = new LinkedHashMap<>();
        for (SchoolId school : bySchool.keySet()) {
            addresses.put(school, changeAddress(school));
        }
        boolean funding = changes.stream().anyMatch(c -> StudentFields.FUNDING_FIELDS.contains(c.key()));
        List<ChangeRequestListener.Request> requests = new ArrayList<>();
        for (var entry : bySchool.entrySet()) {
            List<Student> weighted = funding
                    ? entry.getValue().stream().filter(ChangeRequests::startedBeforeWeightingEnded).toList() : List.of();
            requests.add(store(h, guardianId, guardian, entry.getKey(), null, changes, funding, weighted,
                    addresses.get(entry.getKey())));
        }
        return requests;
    }

    private Guardian guardian(GuardianId id) {
        return sources.get(GuardianSource.class).guardian(id).orElseThrow(() -> PortalValidationException.of("guardian",
                "Uw gegevens zijn niet gevonden.", "Your details were not found."));
    }

    private String changeAddress(SchoolId school) {
        SchoolSettings schoolSettings = settings.schoolSettings(Set.of(school)).get(school);
        if (schoolSettings.changeRequestEmail() == null) {
            throw PortalValidationException.of("", "De school kan nog geen wijzigingen ontvangen via het Ouderportaal. Neem contact op met de school.",
                    "The school cannot receive changes through the portal yet. Please contact the school.");
        }
        return schoolSettings.changeRequestEmail();
    }

    /** The proposed changes, validated; refused as a whole when anything is wrong or nothing changed. */
    private List<FieldChange> changes(List<CorrectableField> fields, Map<String, String> proposed) {
        Map<String, CorrectableField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        List<Violation> violations = new ArrayList<>();
        for (String key : proposed.keySet()) {
            if (!byKey.containsKey(key)) {
                violations.add(new Violation(key, LocalizedText.of("Dit gegeven kunt u niet wijzigen.",
                        "You cannot change this item.")));
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<FieldChange> changes = new ArrayList<>();
        for (CorrectableField field : byKey.values()) {
            if (!proposed.containsKey(field.key())) {
                continue;
            }
            FieldFormats.Result result = FieldFormats.check(field, proposed.get(field.key()), today);
            if (result.problem().isPresent()) {
                LocalizedText problem = result.problem().get();
                violations.add(new Violation(field.key(), LocalizedText.of(field.label().nl() + " " + problem.nl() + ".",
                        field.label().en() + " " + problem.en() + ".")));
            } else if (!result.value().get().equals(normalisedCurrent(field, today))) {
                changes.add(new FieldChange(field.key(), field.label(), field.currentValue(), result.value().get()));
            }
        }
        if (!violations.isEmpty()) {
            throw new PortalValidationException(violations);
        }
        if (changes.isEmpty()) {
            throw PortalValidationException.of("", "U heeft niets gewijzigd.", "You have not changed anything.");
        }
        return changes;
    }

    /** The host's value as the check would write it, so that "1234AB" and "1234 AB" count as unchanged. */
    private static String normalisedCurrent(CorrectableField field, LocalDate today) {
        return FieldFormats.check(field, field.currentValue(), today).value().orElse(field.currentValue().strip());
    }

    private ChangeRequestListener.Request store(Handle h, GuardianId guardianId, Guardian guardian,
                                                SchoolId school, Student student, List<FieldChange> changes, boolean funding,
                                                List<Student> weighted, String to) {
        Instant now = clock.instant();
        String schoolName = sources.get(SchoolSource.class).schools(List.of(school)).stream().map(School::name)
                .findFirst().orElse(school.value());
        long requestId = h.createUpdate("""
                        insert into change_requests (school_id, guardian_id, student_id, subject_kind, changes_json, created_at)
                        values (:school, :guardian, :student, :kind, :json, :now)""")
                .bind("school", school.value()).bind("guardian", guardianId.value())
                .bind("student", student == null ? null : student.id().value())
                .bind("kind", student == null ? "guardian" : "student").bind("json", json(changes))
                .bind("now", Timestamps.toColumn(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mail(to, guardian, schoolName, student, changes, funding, weighted, now, school), now);
        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "change-request.sent", school, AuditEvent.ActorType.GUARDIAN,
                guardianId.value(), null, guardianId, "request " + requestId + ": "
                + changes.stream().map(FieldChange::key).collect(Collectors.joining(", "))));
        return new ChangeRequestListener.Request(requestId, school, guardianId, student == null ? null : student.id(),
                changes, funding, now);
    }

    /** After commit: the host's optional work queue. A failing listener does not undo the request. */
    void tellHost(ChangeRequestListener.Request request) {
        sources.find(ChangeRequestListener.class).ifPresent(listener -> {
            try {
                listener.changeRequested(request);
            } catch (RuntimeException e) {
                LOG.error("The host's change-request listener failed for request {}; the request stands", request.id(), e);
            }
        });
    }

    private OutgoingMail mail(String to, Guardian guardian, String schoolName, Student student, List<FieldChange> changes,
                              boolean funding, List<Student> weighted, Instant now, SchoolId school) {
        String who = guardian.name().displayName();
        StringBuilder text = new StringBuilder();
        text.append("Wijziging doorgegeven via het Ouderportaal van ").append(schoolName).append("\n\n");
        text.append("Door: ").append(who).append(guardian.contact().email() == null ? "" : " (" + guardian.contact().email() + ")")
                .append("\n");
        text.append("Voor: ").append(student == null ? "de eigen gegevens van de verzorger" : student.name().displayName()
                + " (geboren " + StudentFields.DATE.format(student.personalData().birthDate()) + ")").append("\n");
        text.append("Datum: ").append(DateTimeFormatter.ofPattern("d MMMM uuuu 'om' HH:mm", new Locale("nl"))
                .format(now.atZone(zone))).append("\n\n");
        text.append("Wijzigingen (oud -> nieuw):\n");
        for (FieldChange change : changes) {
            text.append("- ").append(change.label().nl()).append(": ")
                    .append(change.oldValue().isBlank() ? "(leeg)" : change.oldValue().replace("\n", " / ")).append(" -> ")
                    .append(change.newValue().isBlank() ? "(leeg)" : change.newValue().replace("\n", " / ")).append("\n");
        }
        if (funding) {
            text.append("\nLet op: het geboorteland en de genoten opleiding van verzorgers kunnen van invloed zijn op de "
                    + "bekostiging (gewichtenregeling) van hun kinderen. Controleer of dit nog overeenkomt met de gegevens "
                    + "van de leerling (opleidingscategorie en land van herkomst). De gewichtenregeling is op 1 augustus 2019 "
                    + "vervallen en geldt alleen nog voor leerlingen die vóór die datum startten");
            text.append(weighted.isEmpty() ? ": dat geldt voor geen van de kinderen van deze verzorger op deze school."
                    : ": " + weighted.stream().map(s -> s.name().displayName()).collect(Collectors.joining(", ")) + ".");
            text.append(" De opleidingscategorie wordt eenmalig vastgesteld bij inschrijving; wijzig die alleen als de "
                    + "opleiding destijds foutief is doorgegeven.\n");
        }
        text.append("\nHet Ouderportaal past zelf niets aan: verwerk de wijziging in de leerlingadministratie.\n");
        String subject = "Wijziging doorgegeven door " + OutgoingMail.oneLine(who)
                + (student == null ? "" : " voor " + OutgoingMail.oneLine(student.name().displayName()));
        return new OutgoingMail(to, subject, text.toString(), null, "change-request", guardian.id(), school);
    }

    private static boolean startedBeforeWeightingEnded(Student student) {
        LocalDate start = student.registration().firstSchoolDay() != null ? student.registration().firstSchoolDay()
                : student.registration().registrationDate();
        return start.isBefore(WEIGHTING_ENDED);
    }

    private static String json(List<FieldChange> changes) {
        try {
            return JSON.writeValueAsString(changes.stream().map(c -> Map.of("key", c.key(), "old", c.oldValue(),
                    "new", c.newValue())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
