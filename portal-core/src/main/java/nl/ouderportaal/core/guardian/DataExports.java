package nl.ouderportaal.core.guardian;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.WritePermit;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.render.PdfRenderer;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.CorrectableField;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * A guardian's download of everything the portal shows about them and their visible children (R-BEYOND-6):
 * as JSON (the page models of docs/json.md) and as a readable PDF. Only the guardian's own session may
 * download (not an impersonation), and every download is audited. Thread-safe.
 */
public final class DataExports {

    private final GuardianPortal guardians;
    private final Authentication authentication;
    private final AuditLog audit;
    private final PortalStore store;
    private final Clock clock;

    public DataExports(GuardianPortal guardians, Authentication authentication, AuditLog audit, PortalStore store, Clock clock) {
        this.guardians = guardians;
        this.authentication = authentication;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    /** The export as UTF-8 JSON. */
    public byte[] json(WritePermit permit) {
        GuardianExport export = export(permit, "json");
        return PortalJson.write(export).getBytes(StandardCharsets.UTF_8);
    }

    /** The export as an A4 PDF in the viewer's language. */
    public byte[] pdf(WritePermit permit, Locale locale) {
        GuardianExport export = export(permit, "pdf");
        List<Section> sections = new ArrayList<>();
        List<Block.Field> own = new ArrayList<>();
        own.add(new Block.Field(LocalizedText.of("Gebruikersnaam", "Username"), Value.text(export.profile().username())));
        for (CorrectableField field : export.profile().correctableFields()) {
            own.add(new Block.Field(field.label(), Value.text(field.currentValue())));
        }
        sections.add(new Section(LocalizedText.of("Uw gegevens", "Your details"), List.of(new Block.Fields(own))));
        for (ChildPage page : export.childPages()) {
            String child = export.home().children().stream().filter(c -> c.student().id().equals(page.child()))
                    .map(c -> c.student().name().displayName()).findFirst().orElse(page.child().value());
            for (Section section : page.sections()) {
                String suffix = " – " + child + " (" + page.schoolYear() + ")";
                sections.add(new Section(section.anchor(), LocalizedText.of(section.title().nl() + suffix,
                        section.title().en() + suffix), section.blocks()));
            }
        }
        for (SchoolPage school : export.schoolPages()) {
            sections.addAll(school.sections());
        }
        String name = export.profile().guardian().name().displayName();
        return PdfRenderer.render(("en".equals(locale.getLanguage()) ? "Your data in the parent portal – " : "Uw gegevens in het Ouderportaal – ")
                + name, null, sections, locale);
    }

    /** A download of a family's data is the guardian's own right, not a page an administrator checks: a permit. */
    private GuardianExport export(WritePermit permit, String format) {
        GuardianExport export = guardians.export(Viewer.of(permit)).orElseThrow();
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "data.exported", null,
                AuditEvent.ActorType.GUARDIAN, permit.guardian().value(), null, permit.guardian(),
                format + ", " + export.childPages().size() + " pages")));
        return export;
    }
}
