package nl.ouderportaal.reliability;

import nl.ouderportaal.core.account.GuardianWrites;
import static nl.ouderportaal.reliability.HostilePortal.CHANGE_ADDRESS;
import static nl.ouderportaal.reliability.HostilePortal.CHILD;
import static nl.ouderportaal.reliability.HostilePortal.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.module.CorrectableField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile inputs: what guardians send (change requests, replies to notes)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardianWritesHostileInputsTest {

    private final HostilePortal p = new HostilePortal("writes");
    private String session;
    /** One correctable field of every format for the child; text and email for the guardian herself. */
    private Map<CorrectableField.Format, String> childFields;
    private Map<CorrectableField.Format, String> ownFields;

    @BeforeAll
    void fields() {
        session = p.session();
        Viewer viewer = Viewer.of(p.portal.authentication().session(session).orElseThrow());
        childFields = onePerFormat(p.portal.guardians().correctableFields(viewer, CHILD).orElseThrow());
        // The guardian's own fields share the format checks with the child's (FieldFormats); text and email
        // cover what differs for them (every school is mailed), and keep the suite inside its time budget.
        ownFields = onePerFormat(p.portal.guardians().ownCorrectableFields(viewer));
        ownFields.keySet().retainAll(java.util.Set.of(CorrectableField.Format.TEXT, CorrectableField.Format.EMAIL));
        assertThat(childFields).containsKeys(CorrectableField.Format.TEXT, CorrectableField.Format.DATE);
        assertThat(ownFields).containsKeys(CorrectableField.Format.TEXT, CorrectableField.Format.EMAIL);
    }

    @BeforeEach
    void housekeeping() {
        p.housekeeping();
    }

    @AfterAll
    void close() {
        p.close();
    }

    Stream<HostileInputs.Input> all() {
        return HostileInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile value in a change request is refused clearly, or mailed to the school's address only")
    void changeRequests(HostileInputs.Input input) {
        for (var field : childFields.entrySet()) {
            int before = p.smtp.getReceivedMessages().length;
            var outcome = Refusals.attempt(p, input, () -> GuardianWrites.correctChild(p.portal, fresh(), CHILD,
                    Map.of(field.getValue(), input.value())));
            if (outcome.accepted()) {
                assertMailedToSchoolOnly(before, input);
            }
        }
        for (var field : ownFields.entrySet()) {
            int before = p.smtp.getReceivedMessages().length;
            var outcome = Refusals.attempt(p, input, () -> GuardianWrites.correctSelf(p.portal, fresh(),
                    Map.of(field.getValue(), input.value())));
            if (outcome.accepted()) {
                assertMailedToSchoolOnly(before, input);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile field key, child id, module id or note id is refused clearly and changes nothing")
    void hostileKeysAndIds(HostileInputs.Input input) {
        var key = Refusals.attempt(p, input, () -> GuardianWrites.correctChild(p.portal, fresh(), CHILD,
                Map.of(input.value(), "Nieuwe waarde")));
        assertThat(key.accepted()).isFalse();
        var module = Refusals.attempt(p, input, () -> GuardianWrites.replyIn(p.portal, fresh(), CHILD, input.value(), NOTE,
                "Dank u wel"));
        assertThat(module.accepted()).isFalse();
        var item = Refusals.attempt(p, input, () -> GuardianWrites.reply(p.portal, fresh(), CHILD,
                input.value(), "Dank u wel"));
        assertThat(item.accepted()).isFalse();
        StudentId child;
        try {
            child = StudentId.of(input.value());
        } catch (IllegalArgumentException refusedByType) {
            assertThat(refusedByType.getMessage()).contains("StudentId");
            return;
        }
        var other = Refusals.attempt(p, input, () -> GuardianWrites.correctChild(p.portal, fresh(), child,
                Map.of(childFields.get(CorrectableField.Format.TEXT), "Nieuwe waarde")));
        assertThat(other.accepted()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    @DisplayName("A hostile reply is refused clearly, or reaches the host as plain text without control characters")
    void replies(HostileInputs.Input input) {
        int before = p.host.replies.size();
        var outcome = Refusals.attempt(p, input, () -> GuardianWrites.reply(p.portal, fresh(), CHILD, NOTE,
                input.value()));

        if (outcome.accepted()) {
            assertThat(p.host.replies).hasSize(before + 1);
            String text = p.host.replies.get(before).getValue().text();
            assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(2000)
                    .doesNotContainPattern("[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\r]");
        } else {
            assertThat(p.host.replies).hasSize(before);
        }
    }

    private String fresh() {
        if (p.portal.authentication().session(session).isEmpty()) {
            session = p.session();
        }
        return session;
    }

    private void assertMailedToSchoolOnly(int before, HostileInputs.Input input) {
        p.deliver();
        List<MimeMessage> mails = p.received().subList(before, p.received().size());
        assertThat(mails).as("mails for %s", input).isNotEmpty();
        for (MimeMessage mail : mails) {
            assertThat(Mails.recipients(mail)).as("recipients for %s", input).containsExactly(CHANGE_ADDRESS);
            assertThat(Mails.headerLines(mail)).as("headers for %s", input)
                    .noneMatch(h -> h.regionMatches(true, 0, "bcc", 0, 3))
                    .noneMatch(h -> h.regionMatches(true, 0, "x-injected", 0, 10));
        }
        p.purgeMail();
    }

    private static Map<CorrectableField.Format, String> onePerFormat(List<CorrectableField> fields) {
        Map<CorrectableField.Format, String> keys = new LinkedHashMap<>();
        fields.forEach(f -> keys.putIfAbsent(f.format(), f.key()));
        return keys;
    }
}
