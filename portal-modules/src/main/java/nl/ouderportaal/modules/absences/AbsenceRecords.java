package nl.ouderportaal.modules.absences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.record.RecordKind;

/**
 * What the absences module keeps in the portal's module records: each sick report and leave request, so
 * that every guardian of the child sees who reported what and when (R-ABS-4). Kept until a school year
 * after the school year they fall in.
 */
final class AbsenceRecords {

    /**
     * A sick report.
     *
     * @param reference the SIS's reference
     * @param from first day
     * @param until last day (a school day)
     * @param fromTime part of a day: from; {@code null} for whole days
     * @param untilTime part of a day: until; {@code null} for whole days
     * @param reason the reason
     * @param reasonText the text for "other", or {@code null}
     * @param remark the remark for the teacher, or {@code null}
     * @param reportedBy the reporting guardian's name
     * @param reportedAt when
     * @param recoveredFrom from which day the child is back, once reported recovered; {@code null} while open
     * @param recoveredBy who reported the recovery, or {@code null}
     */
    record SickReportRecord(String reference, LocalDate from, LocalDate until, LocalTime fromTime, LocalTime untilTime,
                            SickReason reason, String reasonText, String remark, String reportedBy, Instant reportedAt,
                            LocalDate recoveredFrom, String recoveredBy) {

        /** The last day the report covers: the day before the recovery, if that is earlier. */
        LocalDate lastDay() {
            return recoveredFrom != null && !recoveredFrom.isAfter(until) ? recoveredFrom.minusDays(1) : until;
        }

        boolean isOpen(LocalDate today) {
            return recoveredFrom == null && !until.isBefore(today);
        }

        SickReportRecord recovered(LocalDate day, String by) {
            return new SickReportRecord(reference, from, until, fromTime, untilTime, reason, reasonText, remark, reportedBy,
                    reportedAt, day, by);
        }
    }

    /**
     * A leave request.
     *
     * @param reference the SIS's reference
     * @param from first day
     * @param until last day
     * @param category the kind of leave
     * @param explanation the guardian's explanation
     * @param requestedBy the guardian's name
     * @param requestedAt when
     */
    record LeaveRecord(String reference, LocalDate from, LocalDate until, AbsenceReportSink.LeaveCategory category,
                       String explanation, String requestedBy, Instant requestedAt) {
    }

    static final RecordKind<SickReportRecord> SICK_REPORT = RecordKind.of("sick-report", SickReportRecord.class);
    static final RecordKind<LeaveRecord> LEAVE_REQUEST = RecordKind.of("leave-request", LeaveRecord.class);

    private AbsenceRecords() {
    }

    /** Records of a school year are kept until the end of the next one. */
    static LocalDate keepUntil(LocalDate last) {
        return SchoolYear.containing(last).lastDay().plusYears(1);
    }
}
