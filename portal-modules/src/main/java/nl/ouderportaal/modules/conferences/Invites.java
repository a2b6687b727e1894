package nl.ouderportaal.modules.conferences;

import java.time.Instant;
import java.time.ZoneId;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.ouderportaal.spi.action.MailAttachment;

/**
 * The calendar file of a booking (R-CONF-4, RFC 5545 with the iTIP methods of RFC 5546): a REQUEST when
 * booked or moved, a CANCEL when cancelled, always with the booking's UID and its SEQUENCE, so that a
 * calendar updates the one event instead of adding another. Times carry the school's zone (TZID and its
 * VTIMEZONE). Thread-safe.
 */
final class Invites {

    static final String FILE_NAME = "gesprek.ics";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private Invites() {
    }

    static MailAttachment request(Booking booking, Round.TeacherPlan plan, String summary, String schoolName,
                                  String schoolEmail, ZoneId zone, Instant now) {
        return new MailAttachment(FILE_NAME, "text/calendar; method=REQUEST",
                calendar(booking, plan, summary, schoolName, schoolEmail, zone, now, false));
    }

    static MailAttachment cancel(Booking booking, Round.TeacherPlan plan, String summary, String schoolName,
                                 String schoolEmail, ZoneId zone, Instant now) {
        return new MailAttachment(FILE_NAME, "text/calendar; method=CANCEL",
                calendar(booking, plan, summary, schoolName, schoolEmail, zone, now, true));
    }

    private static String calendar(Booking booking, Round.TeacherPlan plan, String summary, String schoolName,
                                   String schoolEmail, ZoneId zone, Instant now, boolean cancel) {
        VEvent event = new VEvent(booking.start().atZone(zone), booking.end().atZone(zone), summary);
        event.replace(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Uid(booking.uid()));
        event.add(new Sequence(booking.sequence()));
        if (plan.videoLink() != null) {
            event.add(new Location(plan.videoLink()));
            try {
                event.add(new Url(java.net.URI.create(plan.videoLink())));
            } catch (IllegalArgumentException notAUri) {
                // Checked when the round was made; a location text is enough.
            }
        } else if (plan.location() != null && !plan.location().isBlank()) {
            event.add(new Location(plan.location()));
        }
        event.add(new Description(schoolName + " – " + plan.name()));
        if (schoolEmail != null && !schoolEmail.isBlank()) {
            event.add(new Organizer("mailto:" + schoolEmail));
        }
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Ouderportaal//Gesprekken//NL"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        TimeZone timeZone = ZONES.getTimeZone(zone.getId());
        if (timeZone != null) {
            calendar.add(namedAs(timeZone.getVTimeZone(), zone.getId()));
        }
        calendar.add(event);
        return calendar.toString();
    }

    /*
     * ical4j's registry answers a linked zone with its target's definition (Europe/Amsterdam with
     * Europe/Brussels since tzdata 2022b), while DTSTART names the school's zone: RFC 5545 requires a
     * VTIMEZONE with exactly that TZID, and a calendar that finds none may place the event in UTC or the
     * reader's zone. The rules are the same, so the copy is renamed; its URL and location named the target.
     */
    private static VTimeZone namedAs(VTimeZone definition, String zoneId) {
        VTimeZone named = definition.copy();
        named.replace(new TzId(zoneId));
        named.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return named;
    }
}
