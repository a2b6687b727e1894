package nl.ouderportaal.modules.conferences;

import java.time.LocalDateTime;

/**
 * A taken slot, the module record whose key is the slot's: a family's booking or a slot the school
 * blocked ({@code blocked}, without child). The calendar {@code uid} stays when the booking moves;
 * {@code sequence} counts its versions (RFC 5545 SEQUENCE).
 *
 * @param round the round
 * @param teacher the teacher
 * @param teacherName the teacher name
 * @param start the start
 * @param end the end
 * @param child the child
 * @param childName the child name
 * @param guardian the guardian
 * @param bookedBy the booked by
 * @param blocked the blocked
 * @param uid the uid
 * @param sequence the sequence
 */
public record Booking(String round, String teacher, String teacherName, LocalDateTime start, LocalDateTime end,
                      String child, String childName, String guardian, String bookedBy, boolean blocked, String uid,
                      int sequence) {

    Slot slot() {
        return new Slot(round, teacher, start, end);
    }

    Booking movedTo(Slot slot, String by) {
        return new Booking(round, teacher, teacherName, slot.start(), slot.end(), child, childName, guardian, by, false, uid,
                sequence + 1);
    }
}
