package nl.ouderportaal.modules.medical;

import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.module.Placement;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/** Medical (Medisch): GP, medicines, limitations, allergies and other information, on the "about" page. */
public final class MedicalModule implements ContentModule<NoOptions> {

    public static final String ID = "medical";

    private static final ModuleDescriptor<NoOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NoOptions.class, NoOptions.INSTANCE)
            .name("Medisch", "Medical")
            .placement(Placement.ABOUT_CHILD)
            .requires(MedicalSource.class)
            .build();

    @Override
    public ModuleDescriptor<NoOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<NoOptions> context) {
        MedicalRecord record = context.source(MedicalSource.class).medical(context.child().id())
                .orElse(new MedicalRecord(null, null, null, null, null));
        GeneralPractitioner gp = record.generalPractitioner();
        return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Fields(List.of(
                Views.field("Huisarts", "GP", Value.text(gp == null ? null : gp.name()
                        + (gp.practice() == null ? "" : ", " + gp.practice()))),
                Views.field("Telefoon huisarts", "GP's phone", Value.text(gp == null ? null : gp.phone())),
                Views.field("Medicijnen", "Medicines", Value.text(record.medicines())),
                Views.field("Beperkingen", "Limitations", Value.text(record.limitations())),
                Views.field("Allergieën", "Allergies", Value.text(record.allergies())),
                Views.field("Overige medische informatie", "Other medical information", Value.text(record.other())))))));
    }
}
