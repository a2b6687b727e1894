package nl.ouderportaal.core.changes;

import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.internal.ActionContexts;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionDescriptor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.ActionPlacement;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.host.ChangeRequestListener;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.CorrectableField;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.module.Placement;

/**
 * Change requests (R-CHG) as actions on the same SPI as every module's (R-ACT-6): {@code correct} on a
 * child's About page ({@code /api/children/{childId}/about/actions/correct}) and on the guardian's profile
 * ({@code /api/me/profile/actions/correct}). The input is {@code {"changes": {"key": "new value"}}}, the keys
 * those of the correctable fields; the form has one field per correctable value, with its current value.
 * These two areas are the core's own pages, so no school switches them off.
 */
public final class CorrectionActions {

    /**
     * A correction's input: field key to the proposed value; keys left out are not part of it.
     *
     * @param changes the changes
     */
    public record Corrections(Map<String, String> changes) {
        public Corrections {
            changes = changes == null ? Map.of() : Map.copyOf(changes);
        }
    }

    private CorrectionActions() {
    }

    /** The About page's and the profile's areas, for the portal's action catalog. */
    public static List<ContentModule<?>> areas(ChangeRequests requests, GuardianPortal guardians) {
        return List.of(new Area("about", Placement.ABOUT_CHILD, new ForChild(requests, guardians)),
                new Area("profile", Placement.ABOUT_CHILD, new ForSelf(requests)));
    }

    private record Area(String id, Placement placement, GuardianAction<NoOptions, Corrections> action)
            implements ContentModule<NoOptions> {
        @Override
        public ModuleDescriptor<NoOptions> descriptor() {
            return ModuleDescriptor.builder(id, NoOptions.class, NoOptions.INSTANCE)
                    .name(id.equals("about") ? "Over het kind" : "Profiel", id.equals("about") ? "About the child" : "Profile")
                    .placement(placement).build();
        }

        @Override
        public List<GuardianAction<NoOptions, ?>> actions() {
            return List.of(action);
        }
    }

    private static ActionForm form(List<CorrectableField> fields) {
        return new ActionForm(nl.ouderportaal.spi.LocalizedText.of(
                "Pas aan wat niet klopt. De school krijgt uw verzoek per e-mail en verwerkt het in de administratie.",
                "Change what is not right. The school receives your request by email and processes it in its records."),
                fields.stream().map(CorrectionActions::field).toList(),
                nl.ouderportaal.spi.LocalizedText.of("Verzoek versturen", "Send request"));
    }

    private static FormField field(CorrectableField field) {
        FieldKind kind = field.format() == CorrectableField.Format.LONG_TEXT ? FieldKind.LONG_TEXT : FieldKind.TEXT;
        int max = field.format() == CorrectableField.Format.LONG_TEXT ? 2000 : 200;
        return new FormField(field.key(), kind, field.label(), null, false, max, null, null, List.of(), field.currentValue());
    }

    private static Map<String, String> proposed(Corrections input) {
        return input.changes();
    }

    private static final class ForChild implements GuardianAction<NoOptions, Corrections> {
        private final ChangeRequests requests;
        private final GuardianPortal guardians;

        ForChild(ChangeRequests requests, GuardianPortal guardians) {
            this.requests = requests;
            this.guardians = guardians;
        }

        @Override
        public ActionDescriptor<Corrections> descriptor() {
            return ActionDescriptor.forChild("correct", "Wijziging doorgeven", "Send a correction", Corrections.class,
                    ActionPlacement.PAGE);
        }

        @Override
        public ActionForm form(ActionContext<NoOptions> context) {
            return CorrectionActions.form(fields(context));
        }

        private List<CorrectableField> fields(ActionContext<NoOptions> context) {
            Student child = context.requireChild();
            return guardians.correctableFields(Viewer.guardian(context.guardian().id()), child.id()).orElse(List.of());
        }

        @Override
        public ActionOutcome run(ActionContext<NoOptions> context, Corrections input) {
            ActionContexts.InTransaction tx = ActionContexts.transaction(context);
            ChangeRequestListener.Request request = requests.forChild(tx.handle(), context.guardian().id(),
                    context.requireChild(), fields(context), proposed(input));
            tx.afterCommit(() -> requests.tellHost(request));
            return ActionOutcome.created("Uw verzoek is verstuurd naar de school.", "Your request has been sent to the school.")
                    .reference(String.valueOf(request.id())).detail("id", request.id())
                    .audit("change request " + request.id());
        }
    }

    private static final class ForSelf implements GuardianAction<NoOptions, Corrections> {
        private final ChangeRequests requests;

        ForSelf(ChangeRequests requests) {
            this.requests = requests;
        }

        @Override
        public ActionDescriptor<Corrections> descriptor() {
            return ActionDescriptor.forGuardian("correct", "Wijziging doorgeven", "Send a correction", Corrections.class);
        }

        @Override
        public ActionForm form(ActionContext<NoOptions> context) {
            return CorrectionActions.form(requests.ownFields(Viewer.guardian(context.guardian().id())));
        }

        @Override
        public ActionOutcome run(ActionContext<NoOptions> context, Corrections input) {
            ActionContexts.InTransaction tx = ActionContexts.transaction(context);
            List<nl.ouderportaal.spi.SchoolId> notReached = new java.util.ArrayList<>();
            List<ChangeRequestListener.Request> sent = requests.forSelf(tx.handle(), context.guardian().id(),
                    context.visibleChildren(), proposed(input), notReached);
            sent.forEach(request -> tx.afterCommit(() -> requests.tellHost(request)));
            List<Long> ids = sent.stream().map(ChangeRequestListener.Request::id).toList();
            return ActionOutcome.created("Uw verzoek is verstuurd naar de school.", "Your request has been sent to the school.")
                    .detail("ids", ids).detail("notReached", notReached.stream().map(nl.ouderportaal.spi.SchoolId::value).toList())
                    .audit("change requests " + ids);
        }
    }
}
