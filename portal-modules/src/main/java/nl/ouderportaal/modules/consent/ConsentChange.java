package nl.ouderportaal.modules.consent;

import java.time.Instant;
import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * A change of a child's effective consent answer for one purpose.
 *
 * @param school the child's school
 * @param child the child
 * @param purpose the purpose's id
 * @param version the purpose text's version the answer is about
 * @param consent whether the school may now go ahead (only an effective yes is consent)
 * @param cause what changed it: {@code answer} (portal), {@code paper} (staff recorded a pupil's answer),
 *     {@code new-version} (the text changed and is asked again) or {@code retired}
 * @param at when
 */
public record ConsentChange(SchoolId school, StudentId child, String purpose, int version, boolean consent, String cause,
                            Instant at) {

    public ConsentChange {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
