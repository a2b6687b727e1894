package nl.ouderportaal.modules.consent;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionMail;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;

/**
 * A reminder mail to every guardian who has not answered an open purpose for a child (R-CONS-6), the staff action
 * {@code send-reminder}, behind a confirmation step: without {@code confirm} it sends nothing and says how many
 * parents would be mailed. Through the outbox; only guardians with an active account receive it. Thread-safe.
 */
final class SendReminder implements StaffAction<ConsentOptions, SendReminder.Input> {

    /**
     * @param group only this group (id or name); empty for the whole school
     * @param confirm {@code true} to send; otherwise a dry run
     */
    record Input(@Size(max = 64) String group, Boolean confirm) {
    }

    @Override
    public Descriptor<Input> descriptor() {
        return new Descriptor<>("send-reminder", LocalizedText.of("Herinnering sturen", "Send a reminder"), Input.class,
                StaffActor.Role.ADMIN);
    }

    @Override
    public ActionForm form(StaffContext<ConsentOptions> context) {
        return ActionForm.of(
                        FormField.of("group", FieldKind.TEXT, "Groep (leeg: de hele school)", "Group (empty: the whole school)").maxLength(64),
                        FormField.of("confirm", FieldKind.CHECKBOX, "Ja, verstuur de herinnering nu", "Yes, send the reminder now")
                                .help("Zonder vinkje verstuurt de portal niets en ziet u hoeveel ouders/verzorgers de mail zouden krijgen.",
                                        "Without the tick nothing is sent and you see how many parents would get the mail."))
                .intro("Een mail aan de ouders/verzorgers die voor een kind nog niet op een doel hebben geantwoord.",
                        "A mail to the parents and guardians who have not answered a purpose for a child yet.")
                .submit("Herinnering sturen", "Send reminder");
    }

    @Override
    public ActionOutcome run(StaffContext<ConsentOptions> context, Input input) {
        SchoolConsents consents = SchoolConsents.of(context);
        String group = input.group() == null ? "" : input.group().strip();
        Map<GuardianId, List<String>> perGuardian = new LinkedHashMap<>();
        Set<String> children = new LinkedHashSet<>();
        Map<GuardianId, String> names = new LinkedHashMap<>();
        for (SchoolConsents.Row row : consents.rows) {
            if (!group.isEmpty() && (row.family().group() == null || !(row.family().group().id().value().equals(group)
                    || row.family().group().name().equalsIgnoreCase(group)))) {
                continue;
            }
            for (var entry : row.missing().entrySet()) {
                for (GuardianId guardian : entry.getValue()) {
                    String line = row.family().child().name().displayName() + ": " + consents.texts.get(entry.getKey()).titleNl()
                            + " / " + consents.texts.get(entry.getKey()).titleEn();
                    perGuardian.computeIfAbsent(guardian, g -> new ArrayList<>()).add(line);
                    names.put(guardian, row.family().names().getOrDefault(guardian, ""));
                    children.add(row.family().child().id().value());
                }
            }
        }
        int guardians = perGuardian.size();
        if (!Boolean.TRUE.equals(input.confirm())) {
            return ActionOutcome.done("Er is niets verstuurd. " + guardians + " ouder(s)/verzorger(s) van " + children.size()
                                    + " kind(eren) hebben nog niet geantwoord; wie van hen een actief account heeft, krijgt een herinnering. "
                                    + "Vink 'Ja, verstuur de herinnering nu' aan om te versturen.",
                            "Nothing was sent. " + guardians + " parent(s) or guardian(s) of " + children.size()
                                    + " child(ren) have not answered yet; those of them with an active account get a reminder. "
                                    + "Tick 'Yes, send the reminder now' to send it.")
                    .detail("sent", false).detail("guardians", guardians).detail("children", children.size());
        }
        ActionOutcome outcome = ActionOutcome.done("De herinnering is verstuurd aan wie een actief account heeft, van de " + guardians
                                + " ouder(s)/verzorger(s) van " + children.size() + " kind(eren) zonder antwoord.",
                        "The reminder has been sent to those with an active account, of the " + guardians
                                + " parent(s) or guardian(s) of " + children.size() + " child(ren) without an answer.")
                .detail("sent", true).detail("guardians", guardians).detail("children", children.size())
                .audit("reminder to " + guardians + " guardians" + (group.isEmpty() ? "" : " of group " + group));
        String school = context.school().name();
        for (var entry : perGuardian.entrySet()) {
            outcome = outcome.mail(ActionMail.toGuardian("consent-reminder", entry.getKey(),
                    "Herinnering: " + school + " vraagt uw toestemming / Reminder: your consent is asked", text(school, entry.getValue())));
        }
        return outcome;
    }

    static String text(String school, List<String> lines) {
        String list = String.join("\n", lines.stream().map(l -> "- " + l).toList());
        return "Beste ouder/verzorger,\n\n"
                + school + " vraagt uw toestemming en heeft nog geen antwoord van u op:\n\n" + list + "\n\n"
                + "Log in op het Ouderportaal en kies bij uw kind 'Toestemmingen'. Niets is vooraf ingevuld: zolang u niet "
                + "antwoordt, geldt nee. U kunt uw antwoord altijd wijzigen.\n\n"
                + "Dear parent or guardian,\n\n"
                + school + " asks your consent and has no answer from you yet to:\n\n" + list + "\n\n"
                + "Log in to the parent portal and choose 'Consent' with your child. Nothing is filled in beforehand: as long "
                + "as you do not answer, it is no. You can change your answer at any time.\n";
    }
}
