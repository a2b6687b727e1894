package nl.ouderportaal.modules.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.How;
import nl.ouderportaal.modules.consent.ConsentRecords.Who;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rules of consent")
class ConsentsTest {

    private static final StudentId CHILD = StudentId.of("sanne");
    private static final GuardianId MOTHER = GuardianId.of("mother");
    private static final GuardianId FATHER = GuardianId.of("father");
    private final List<StoredRecord<Answer>> answers = new ArrayList<>();

    private void guardian(GuardianId guardian, int version, boolean yes) {
        add(RecordKeys.child(CHILD).guardian(guardian), new Answer("photos", version, yes, Who.GUARDIAN, How.PORTAL, "x", null));
    }

    private void pupil(boolean yes) {
        add(RecordKeys.child(CHILD), new Answer("photos", 1, yes, Who.PUPIL, How.STAFF_PAPER, "staff", LocalDate.of(2026, 3, 1)));
    }

    private void add(RecordKeys keys, Answer answer) {
        Instant at = Instant.parse("2026-03-10T09:00:00Z").plusSeconds(answers.size());
        answers.add(new StoredRecord<>(answers.size() + 1, SchoolId.of("regenboog"), "answer", keys, answer, at, at));
    }

    private State effective(boolean everyone) {
        return Consents.effective(answers, "photos", 1, false, everyone, List.of(MOTHER, FATHER));
    }

    @Test
    void noAnswerIsNoConsent() {
        assertThat(effective(false)).isEqualTo(State.OPEN);
        assertThat(State.OPEN.consent()).isFalse();
        assertThat(State.WAITING.consent()).isFalse();
    }

    @Test
    void oneNoOfAnyGuardianMakesItNoAndTheLatestAnswerOfEachCounts() {
        guardian(MOTHER, 1, true);
        assertThat(effective(false)).isEqualTo(State.YES);
        guardian(FATHER, 1, false);
        assertThat(effective(false)).isEqualTo(State.NO);
        guardian(FATHER, 1, true);
        assertThat(effective(false)).isEqualTo(State.YES);
        guardian(MOTHER, 1, false);
        assertThat(effective(false)).as("withdrawn").isEqualTo(State.NO);
    }

    @Test
    void whenEveryGuardianMustAnswerOneYesWaitsForTheOther() {
        guardian(MOTHER, 1, true);
        assertThat(effective(true)).isEqualTo(State.WAITING);
        guardian(FATHER, 1, true);
        assertThat(effective(true)).isEqualTo(State.YES);
    }

    @Test
    void answersToAnEarlierVersionNoLongerCount() {
        guardian(MOTHER, 1, true);

        assertThat(Consents.effective(answers, "photos", 2, false, false, List.of())).isEqualTo(State.OPEN);
    }

    @Test
    void fromTheSixteenthBirthdayOnlyThePupilsAnswerCounts() {
        LocalDate birth = LocalDate.of(2010, 3, 20);
        assertThat(Consents.pupilDecides(birth, LocalDate.of(2026, 3, 19))).isFalse();
        assertThat(Consents.pupilDecides(birth, LocalDate.of(2026, 3, 20))).isTrue();
        guardian(MOTHER, 1, true);

        assertThat(Consents.effective(answers, "photos", 1, true, false, List.of())).isEqualTo(State.OPEN);
        pupil(false);
        assertThat(Consents.effective(answers, "photos", 1, true, false, List.of())).isEqualTo(State.NO);
        assertThat(effective(false)).as("before 16 the pupil's paper answer does not count").isEqualTo(State.YES);
    }
}
