package nl.ouderportaal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import nl.ouderportaal.core.account.Session;
import java.util.Map;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.validation.PortalValidationException;

/**
 * The suite's one rule for a hostile input: the call either succeeds, or fails with a portal refusal that
 * carries a Dutch and an English message without technical text, and then changed nothing.
 */
final class Refusals {

    private static final String[] TECHNICAL = {"Exception", "\tat ", "org.h2", "org.jdbi", "SQL", "java.", "jakarta.",
            "null", "{nl.ouderportaal", "HV0"};

    /**
     * Refused links, wrong passwords and refused impersonations are security events: they are audited
     * (R-BEYOND-1) and count towards the login throttle. Every other table must stay as it was.
     */
    static final java.util.Set<String> SECURITY_RECORDS = java.util.Set.of("AUDIT_EVENTS", "LOGIN_THROTTLE");

    private Refusals() {
    }

    /** What happened to one input. */
    record Outcome(RuntimeException refusal) {
        boolean accepted() {
            return refusal == null;
        }
    }

    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs the call on the portal; when it is refused, checks the refusal is clear and that no table of the
     * store changed and no mail was sent.
     */
    static Outcome attempt(HostilePortal portal, HostileInputs.Input input, Call call) {
        return attempt(portal, input, java.util.Set.of(), call);
    }

    /**
     * As {@link #attempt(HostilePortal, HostileInputs.Input, Call)}, except for tables that a refusal is
     * meant to change: a wrong password counts towards the login throttle ({@code LOGIN_THROTTLE}).
     */
    static Outcome attempt(HostilePortal portal, HostileInputs.Input input, java.util.Set<String> changing, Call call) {
        portal.deliver();
        Map<String, String> before = portal.snapshot();
        before.keySet().removeAll(changing);
        int mailsBefore = portal.smtp.getReceivedMessages().length;
        try {
            call.run();
            return new Outcome(null);
        } catch (PortalValidationException | AccessRefusedException | ImpersonationReadOnlyException refused) {
            assertClear(refused, input);
            Map<String, String> after = portal.snapshot();
            after.keySet().removeAll(changing);
            java.util.List<String> changed = after.entrySet().stream()
                    .filter(e -> !e.getValue().equals(before.get(e.getKey()))).map(Map.Entry::getKey).toList();
            assertThat(changed).as("tables changed by refusing %s (%s)", input, refused.getMessage()).isEmpty();
            portal.deliver();
            assertThat(portal.smtp.getReceivedMessages()).as("mails after refusing %s", input).hasSize(mailsBefore);
            return new Outcome(refused);
        } catch (Exception | Error other) {
            throw new AssertionError("Input " + input + " was not refused cleanly but failed with " + other, other);
        }
    }

    static void assertClear(RuntimeException refused, Object input) {
        String nl;
        String en;
        if (refused instanceof PortalValidationException validation) {
            nl = validation.message(Locale.forLanguageTag("nl"));
            en = validation.message(Locale.ENGLISH);
        } else if (refused instanceof AccessRefusedException access) {
            nl = access.text().nl();
            en = access.text().en();
        } else if (refused instanceof ImpersonationReadOnlyException) {
            nl = Session.READ_ONLY.nl();
            en = refused.getMessage();
            assertThat(nl).as("impersonation refusal for %s", input).startsWith("Let op:");
            assertThat(en).as("its message for developers, in English").isEqualTo(Session.READ_ONLY.en());
            return;
        } else {
            fail("Unexpected refusal %s for %s", refused, input);
            return;
        }
        // A message may name the field the caller gave; what the caller typed is not technical text.
        if (input instanceof HostileInputs.Input hostile && !hostile.value().isEmpty()) {
            nl = nl.replace(hostile.value(), "");
            en = en.replace(hostile.value(), "");
        }
        assertThat(nl).as("Dutch message for %s", input).isNotBlank();
        assertThat(en).as("English message for %s", input).isNotBlank().isNotEqualTo(nl);
        for (String technical : TECHNICAL) {
            assertThat(nl).as("Dutch message for %s", input).doesNotContain(technical);
            assertThat(en).as("English message for %s", input).doesNotContain(technical);
        }
    }
}
