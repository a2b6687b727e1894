package nl.ouderportaal.modules.absences;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.modules.absences.AbsenceRecords.SickReportRecord;

/** The absences actions' dates and sentences, in Dutch and English, in the school's zone. */
final class Texts {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", DUTCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM uuuu 'om' HH:mm", DUTCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** "3 december 2026 om 07:45", for "reported by ... on ...". */
    static final DateTimeFormatter MOMENT_FORMAT = MOMENT;
    /** The zone of the dates a page shows of a moment (the portal's default zone for schools). */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Amsterdam");

    private Texts() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String moment(ActionContext<?> context) {
        return MOMENT.format(context.now().atZone(context.zone()));
    }

    /** "woensdag 3 december 2026, 10:00-12:00" or "woensdag 3 december 2026 t/m vrijdag 5 december 2026". */
    static String period(SickReportRecord r) {
        if (r.fromTime() != null) {
            return day(r.from()) + ", " + TIME.format(r.fromTime()) + "-" + TIME.format(r.untilTime());
        }
        return r.from().equals(r.until()) ? day(r.from()) : day(r.from()) + " t/m " + day(r.until());
    }

    static String periodEnglish(SickReportRecord r) {
        if (r.fromTime() != null) {
            return r.from() + ", " + TIME.format(r.fromTime()) + "-" + TIME.format(r.untilTime());
        }
        return r.from().equals(r.until()) ? r.from().toString() : r.from() + " to " + r.until();
    }

    /** After the cut-off: until when a report for today could be made, and the school's phone number. */
    static LocalizedText afterCutOff(ActionContext<AbsencesOptions> context, AbsencesOptions options) {
        String time = TIME.format(options.cutOff());
        String phone = context.school().phone();
        return LocalizedText.of("Ziekmelden voor vandaag kan tot " + time + (phone == null ? "; neem contact op met de school."
                        : "; bel de school: " + phone + "."),
                "Reports for today are taken until " + time + (phone == null ? "; please contact the school."
                        : "; please call the school: " + phone + "."));
    }
}
