package nl.ouderportaal.modules.staff;

import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.host.StaffSource;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.Placement;
import nl.ouderportaal.spi.module.SchoolContext;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/** Staff (Medewerkers): the school's staff on the School page, with email and phone where allowed. */
public final class StaffModule implements ContentModule<StaffOptions> {

    public static final String ID = "staff";

    private static final ModuleDescriptor<StaffOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, StaffOptions.class, StaffOptions.DEFAULTS)
            .name("Medewerkers", "Staff")
            .placement(Placement.SCHOOL_PAGE)
            .requires(StaffSource.class)
            .build();

    @Override
    public ModuleDescriptor<StaffOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> schoolPage(SchoolContext<StaffOptions> context) {
        StaffOptions options = context.options();
        List<LocalizedText> headers = new ArrayList<>(List.of(Views.text("Naam", "Name"), Views.text("Functie", "Role")));
        if (options.showEmail()) {
            headers.add(Views.text("E-mail", "Email"));
        }
        if (options.showPhone()) {
            headers.add(Views.text("Telefoon", "Phone"));
        }
        List<List<Value>> rows = new ArrayList<>();
        for (StaffMember member : context.source(StaffSource.class).staff(context.school().id())) {
            List<Value> row = new ArrayList<>(List.of(Value.text(member.name().displayName()), Value.text(member.role())));
            if (options.showEmail()) {
                row.add(Value.text(member.email()));
            }
            if (options.showPhone()) {
                row.add(Value.text(member.phone()));
            }
            rows.add(row);
        }
        return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Table(headers, rows,
                Views.text("Er zijn geen medewerkers bekend.", "No staff are known.")))));
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("showEmail", nl.ouderportaal.spi.LocalizedText.of("E-mailadressen van medewerkers tonen", "Show staff email addresses")),
            java.util.Map.entry("showPhone", nl.ouderportaal.spi.LocalizedText.of("Telefoonnummers van medewerkers tonen", "Show staff phone numbers")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
