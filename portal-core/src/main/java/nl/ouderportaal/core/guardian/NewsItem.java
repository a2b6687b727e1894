package nl.ouderportaal.core.guardian;

import java.time.LocalDate;
import nl.ouderportaal.spi.SchoolId;

/**
 * A news message as a guardian reads it.
 *
 * @param id the message's id
 * @param school the school that published it
 * @param schoolName the school's name
 * @param subject the subject
 * @param date the message's date
 * @param html the text: sanitised simple formatting, safe to place in a page as is
 */
public record NewsItem(long id, SchoolId school, String schoolName, String subject, LocalDate date, String html) {
}
