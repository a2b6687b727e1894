package nl.ouderportaal.modules.absences;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * The SIS's side of reporting absence (R-ABS-4): it records each sick report, recovery and leave request
 * and returns its reference, tells the school's closed days, and how it decided leave requests. Needed by
 * the absences module's actions {@code report-sick}, {@code report-recovered} and {@code request-leave}:
 * building the portal fails without it, naming it, unless the host leaves those actions out.
 *
 * <p>Implementations are thread-safe. The portal calls {@link #reportSick}, {@link #reportRecovered} and
 * {@link #requestLeave} inside the action's transaction: an exception refuses the report (nothing is
 * stored or mailed); a report the SIS took whose portal transaction then fails is not repeated.
 *
 * <pre>{@code
 * Portal.builder().source(AbsenceReportSink.class, sis.absenceReports());
 * }</pre>
 *
 * @since 0.2
 */
public interface AbsenceReportSink {

    /** Records a sick report as an absence; returns the SIS's reference for it. */
    String reportSick(SickReport report);

    /** Ends the sick report with this reference: the child is back from {@code from} (inclusive). */
    void reportRecovered(StudentId student, String reference, LocalDate from, GuardianId reportedBy);

    /** Records a leave request for the school to decide; returns the SIS's reference. */
    String requestLeave(LeaveRequest request);

    /** How the school decided the leave requests with these references; a reference not decided yet may be left out. */
    Map<String, LeaveDecision> leaveDecisions(StudentId student, Collection<String> references);

    /** The days in the range the school is closed besides Saturdays and Sundays (holidays, study days). */
    Set<LocalDate> closedDays(SchoolId school, LocalDate from, LocalDate until);

    /**
     * A sick report.
     *
     * @param school the child's school
     * @param student the child
     * @param from the first day
     * @param until the last day (inclusive; school days only between them count)
     * @param fromTime for part of a day: from when; {@code null} for whole days
     * @param untilTime for part of a day: until when; {@code null} for whole days
     * @param reason the reason chosen
     * @param reasonText the guardian's words for {@link SickReason#OTHER}; {@code null} otherwise
     * @param remark a remark for the teacher, or {@code null}
     * @param reportedBy the guardian
     * @param reportedByName their name
     */
    record SickReport(SchoolId school, StudentId student, LocalDate from, LocalDate until, LocalTime fromTime,
                      LocalTime untilTime, SickReason reason, String reasonText, String remark, GuardianId reportedBy,
                      String reportedByName) {
        public SickReport {
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A leave request (verlof).
     *
     * @param school the child's school
     * @param student the child
     * @param from the first day
     * @param until the last day
     * @param category the kind of leave
     * @param explanation the guardian's explanation
     * @param requestedBy the guardian
     * @param requestedByName their name
     */
    record LeaveRequest(SchoolId school, StudentId student, LocalDate from, LocalDate until, LeaveCategory category,
                        String explanation, GuardianId requestedBy, String requestedByName) {
    }

    /**
     * The school's decision on a leave request.
     *
     * @param status granted or refused (a request not decided yet is simply not in the map)
     * @param reason the school's reason, above all for a refusal; may be {@code null}
     */
    record LeaveDecision(LeaveStatus status, String reason) {
        public LeaveDecision {
            Objects.requireNonNull(status, "status");
        }
    }

    /** What became of a leave request. */
    enum LeaveStatus {
        REQUESTED, GRANTED, REFUSED
    }

    /** The kinds of leave a guardian can ask for. */
    enum LeaveCategory {
        /** Gewichtige omstandigheden: a wedding, a funeral, a jubilee. */
        FAMILY,
        /** Religious obligations. */
        RELIGIOUS,
        /** Holiday outside the school holidays because of a parent's work (art. 11f). */
        PARENTS_WORK,
        /** Medical or social reasons. */
        MEDICAL,
        /** Anything else, explained. */
        OTHER
    }
}
