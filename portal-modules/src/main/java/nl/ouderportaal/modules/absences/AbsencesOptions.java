package nl.ouderportaal.modules.absences;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The absences module's options per school (R-ABS-5): which of the three actions guardians have, the
 * cut-off time for reports about today, the reasons offered, how far ahead a report may start and how many
 * school days it may span, and the school's attendance address that receives every report.
 *
 * @param reportSick whether guardians can report a child sick (ziekmelden)
 * @param reportRecovered whether guardians can report a child recovered (beter melden)
 * @param requestLeave whether guardians can request leave (verlof aanvragen, art. 11 Leerplichtwet)
 * @param cutOff until when a report about today is taken, in the school's time zone
 * @param reasons the reasons offered (at least one while reporting is on)
 * @param daysAhead how many days ahead a report may start (0: only today)
 * @param maxSchoolDays how many consecutive school days one report may span
 * @param attendanceEmail the school's attendance address (required while any action is on)
 * @since 0.2
 */
public record AbsencesOptions(boolean reportSick, boolean reportRecovered, boolean requestLeave, @NotNull LocalTime cutOff,
                              @NotNull Set<SickReason> reasons, @Min(0) @Max(30) int daysAhead,
                              @Min(1) @Max(10) int maxSchoolDays,
                              @Email @Size(max = 254) @Pattern(regexp = "[\\x21-\\x7e]*") String attendanceEmail) {

    /** Every action off, as for every module until the school switches it on. */
    public static final AbsencesOptions DEFAULTS = new AbsencesOptions(false, false, false, LocalTime.of(8, 30),
            EnumSet.allOf(SickReason.class), 7, 5, null);

    public AbsencesOptions {
        // In the enum's order, so that the form offers the reasons in the same order on every run (Set.copyOf would not).
        reasons = reasons == null || reasons.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        attendanceEmail = attendanceEmail == null || attendanceEmail.isBlank() ? null : attendanceEmail.strip();
    }

    /** A school that takes reports names the address they go to. */
    @AssertTrue(message = "Geef het verzuimadres van de school op: daar gaan de meldingen heen. / Give the school's attendance address: the reports go there.")
    public boolean isAttendanceEmailGivenWhenReporting() {
        return !(reportSick || reportRecovered || requestLeave) || attendanceEmail != null;
    }

    /** Reporting sick offers at least one reason. */
    @AssertTrue(message = "Kies minstens één reden voor ziekmelden. / Choose at least one reason for reporting sick.")
    public boolean isAReasonOffered() {
        return !reportSick || !reasons.isEmpty();
    }
}
