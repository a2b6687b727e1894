package nl.ouderportaal.core.account;

import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.spi.StudentId;

/** Round 1's guardian writes, as the actions they became (R-ACT-6), for the core's and the reliability suite's tests. */
public final class GuardianWrites {

    private GuardianWrites() {
    }

    public static long correctChild(Portal portal, String session, StudentId child, Map<String, String> changes) {
        ActionResult result = portal.actions().run(portal.authentication().writePermit(session), child,
                GuardianActions.ABOUT, "correct", Map.of("changes", changes)).orElseThrow(() ->
                new nl.ouderportaal.core.validation.PortalValidationException(List.of(new nl.ouderportaal.core.validation.Violation(
                        "child", nl.ouderportaal.spi.LocalizedText.of("Dit kind is niet (meer) zichtbaar in uw Ouderportaal.",
                                "This child is not (or no longer) visible in your portal.")))));
        return ((Number) result.details().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    public static List<Long> correctSelf(Portal portal, String session, Map<String, String> changes) {
        ActionResult result = portal.actions().run(portal.authentication().writePermit(session), GuardianActions.PROFILE,
                "correct", Map.of("changes", changes)).orElseThrow();
        return (List<Long>) result.details().get("ids");
    }

    public static void reply(Portal portal, String session, StudentId child, String note, String text) {
        replyIn(portal, session, child, "notes", note, text);
    }

    /** A reply through the action {@code reply} of any module id, as a hostile caller might name one. */
    public static void replyIn(Portal portal, String session, StudentId child, String module, String note, String text) {
        portal.actions().run(portal.authentication().writePermit(session), child, module, "reply",
                Map.of("note", note, "text", text)).orElseThrow(() -> new nl.ouderportaal.core.validation.PortalValidationException(
                List.of(new nl.ouderportaal.core.validation.Violation("", nl.ouderportaal.spi.LocalizedText.of(
                        "Reageren is hier niet mogelijk.", "Replying is not possible here.")))));
    }
}
