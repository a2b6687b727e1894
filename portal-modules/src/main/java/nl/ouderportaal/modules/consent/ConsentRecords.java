package nl.ouderportaal.modules.consent;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.spi.record.RecordKind;
import nl.ouderportaal.spi.record.StoredRecord;

/**
 * The consent module's records (R-ACT-4): purposes (changeable: current version, retired), their texts per
 * version (append-only) and every answer (append-only, the proof of R-CONS-5).
 */
final class ConsentRecords {

    static final RecordKind<Purpose> PURPOSE = RecordKind.of("purpose", Purpose.class);
    static final RecordKind<PurposeText> TEXT = RecordKind.appendOnly("purpose-text", PurposeText.class);
    static final RecordKind<Answer> ANSWER = RecordKind.appendOnly("answer", Answer.class);

    private ConsentRecords() {
    }

    /**
     * A purpose the school asks consent for.
     *
     * @param id stable id, also the section anchor on the child page
     * @param version the current text's version, from 1
     * @param retired whether the school no longer asks (and no longer publishes)
     * @param schoolYears the school years it applies to, as {@code 2026-2027}; empty for every year
     */
    record Purpose(String id, int version, boolean retired, List<String> schoolYears) {

        Purpose {
            schoolYears = schoolYears == null ? List.of() : List.copyOf(schoolYears);
        }

        boolean appliesIn(SchoolYear year) {
            return !retired && (schoolYears.isEmpty() || schoolYears.contains(year.toString()));
        }
    }

    /** One version of a purpose's text; never changed. */
    record PurposeText(String purpose, int version, String titleNl, String titleEn, String textNl, String textEn,
                       String writtenBy) {

        LocalizedText title() {
            return LocalizedText.of(titleNl, titleEn);
        }

        LocalizedText text() {
            return LocalizedText.of(textNl, textEn);
        }
    }

    /** Who gave an answer. */
    enum Who { GUARDIAN, PUPIL }

    /** How it reached the portal. */
    enum How { PORTAL, STAFF_PAPER }

    /**
     * One answer, never changed; the store's time of the record is when it was given.
     *
     * @param purpose the purpose's id
     * @param version the text version answered
     * @param yes the answer
     * @param who a guardian (the record's guardian key says which) or the pupil
     * @param how through the portal, or recorded by staff from paper
     * @param name the guardian's name, or the staff user who recorded it
     * @param paperDate the date on the paper form, for {@link How#STAFF_PAPER}; else {@code null}
     */
    record Answer(String purpose, int version, boolean yes, Who who, How how, String name, LocalDate paperDate) {
    }

    static List<Purpose> purposes(ModuleRecords records) {
        return records.all(PURPOSE).stream().map(StoredRecord::value).toList();
    }

    static Optional<StoredRecord<Purpose>> purpose(ModuleRecords records, String id) {
        return records.byKey(PURPOSE, purposeKey(id));
    }

    static String purposeKey(String id) {
        return "purpose:" + id;
    }

    static String textKey(String purpose, int version) {
        return "text:" + purpose + ":" + version;
    }

    static Optional<PurposeText> text(ModuleRecords records, String purpose, int version) {
        return records.byKey(TEXT, textKey(purpose, version)).map(StoredRecord::value);
    }

    static List<StoredRecord<PurposeText>> texts(ModuleRecords records) {
        return records.all(TEXT);
    }

    /** A child's answers, oldest first. */
    static List<StoredRecord<Answer>> answers(ModuleRecords records, StudentId child) {
        return records.byChild(ANSWER, child).stream()
                .sorted(Comparator.comparing((StoredRecord<Answer> r) -> r.createdAt()).thenComparingLong(StoredRecord::id))
                .toList();
    }
}
