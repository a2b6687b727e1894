package nl.ouderportaal.modules.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.Who;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.record.StoredRecord;

/**
 * The rules of consent, as pure functions (R-CONS-2 to 4): which answers count, and the effective answer
 * they make. Only an effective {@link State#YES} is consent; every other state counts as no.
 */
public final class Consents {

    /** The age from which the pupil decides (UAVG art. 5). */
    public static final int PUPIL_DECIDES_AT = 16;

    private Consents() {
    }

    /** A child's effective answer for one purpose. */
    public enum State {
        /** Consent. */
        YES,
        /** An explicit no (one guardian said no, or the pupil did). */
        NO,
        /** Nobody answered the current text: counts as no. */
        OPEN,
        /** The school wants every guardian's answer and not all have answered; so far only yes: counts as no. */
        WAITING;

        public boolean consent() {
            return this == YES;
        }

        LocalizedText label() {
            return switch (this) {
                case YES -> LocalizedText.of("Ja, toestemming", "Yes, consent");
                case NO -> LocalizedText.of("Nee, geen toestemming", "No consent");
                case OPEN -> LocalizedText.of("Nog niet beantwoord (telt als nee)", "Not answered yet (counts as no)");
                case WAITING -> LocalizedText.of("Nog niet alle ouders/verzorgers hebben geantwoord (telt als nee)",
                        "Not every guardian has answered yet (counts as no)");
            };
        }

        /** The class list's cell: short, Dutch first (the staff table's cells are text). */
        String cell() {
            return switch (this) {
                case YES -> "ja";
                case NO -> "nee";
                case OPEN -> "nee (geen antwoord)";
                case WAITING -> "nee (niet alle ouders)";
            };
        }
    }

    /** Whether the pupil decides on this day (from the 16th birthday on). */
    public static boolean pupilDecides(LocalDate birthDate, LocalDate day) {
        return !day.isBefore(birthDate.plusYears(PUPIL_DECIDES_AT));
    }

    /**
     * The effective answer for one purpose's text version.
     *
     * @param answers the child's answers (any purpose, any version), oldest first
     * @param purpose the purpose's id
     * @param version the current version: answers to earlier versions no longer count
     * @param pupilDecides whether the pupil is 16 or older: then only the pupil's answers count
     * @param everyGuardianMustAnswer the school's option
     * @param guardiansWithRight the guardians of the child with viewing right, for that option
     */
    public static State effective(List<StoredRecord<Answer>> answers, String purpose, int version, boolean pupilDecides,
                                  boolean everyGuardianMustAnswer, Collection<GuardianId> guardiansWithRight) {
        if (pupilDecides) {
            Boolean last = null;
            for (StoredRecord<Answer> r : answers) {
                if (counts(r.value(), purpose, version) && r.value().who() == Who.PUPIL) {
                    last = r.value().yes();
                }
            }
            return last == null ? State.OPEN : last ? State.YES : State.NO;
        }
        Map<GuardianId, Boolean> latest = latestOfGuardians(answers, purpose, version);
        if (latest.isEmpty()) {
            return State.OPEN;
        }
        if (latest.containsValue(Boolean.FALSE)) {
            return State.NO;
        }
        if (everyGuardianMustAnswer && !latest.keySet().containsAll(guardiansWithRight)) {
            return State.WAITING;
        }
        return State.YES;
    }

    /** Each guardian's latest answer to the version. */
    static Map<GuardianId, Boolean> latestOfGuardians(List<StoredRecord<Answer>> answers, String purpose, int version) {
        Map<GuardianId, Boolean> latest = new LinkedHashMap<>();
        for (StoredRecord<Answer> r : answers) {
            if (counts(r.value(), purpose, version) && r.value().who() == Who.GUARDIAN && r.keys().guardian() != null) {
                latest.put(r.keys().guardian(), r.value().yes());
            }
        }
        return latest;
    }

    /** The guardians who have not answered the version (of those given). */
    static Set<GuardianId> notAnswered(List<StoredRecord<Answer>> answers, String purpose, int version,
                                       Collection<GuardianId> guardiansWithRight) {
        Set<GuardianId> missing = new java.util.LinkedHashSet<>(guardiansWithRight);
        missing.removeAll(latestOfGuardians(answers, purpose, version).keySet());
        return missing;
    }

    /** The answers given up to a moment (for the history and for what changed). */
    static List<StoredRecord<Answer>> until(List<StoredRecord<Answer>> answers, Instant moment) {
        return answers.stream().filter(r -> !r.createdAt().isAfter(moment)).toList();
    }

    private static boolean counts(Answer answer, String purpose, int version) {
        return answer.purpose().equals(purpose) && answer.version() == version;
    }
}
