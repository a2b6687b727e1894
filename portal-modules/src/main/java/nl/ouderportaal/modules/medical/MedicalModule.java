package nl.ouderportaal.modules.medical;

import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.CorrectableField;
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

    /** Only medical data the host already has can be corrected; nothing can be added (R-CHG-4). */
    @Override
    public List<CorrectableField> correctableFields(ChildContext<NoOptions> context) {
        MedicalRecord record = context.source(MedicalSource.class).medical(context.child().id()).orElse(null);
        if (record == null) {
            return List.of();
        }
        List<CorrectableField> fields = new java.util.ArrayList<>();
        add(fields, "medical.gp", "Huisarts", "GP", record.generalPractitioner() == null ? null : record.generalPractitioner().name(),
                CorrectableField.Format.TEXT);
        add(fields, "medical.gpPhone", "Telefoon huisarts", "GP's phone",
                record.generalPractitioner() == null ? null : record.generalPractitioner().phone(), CorrectableField.Format.PHONE);
        add(fields, "medical.medicines", "Medicijnen", "Medicines", record.medicines(), CorrectableField.Format.LONG_TEXT);
        add(fields, "medical.limitations", "Beperkingen", "Limitations", record.limitations(), CorrectableField.Format.LONG_TEXT);
        add(fields, "medical.allergies", "Allergieën", "Allergies", record.allergies(), CorrectableField.Format.LONG_TEXT);
        add(fields, "medical.other", "Overige medische informatie", "Other medical information", record.other(),
                CorrectableField.Format.LONG_TEXT);
        return fields;
    }

    private static void add(List<CorrectableField> fields, String key, String dutch, String english, String value,
                            CorrectableField.Format format) {
        if (value != null && !value.isBlank()) {
            fields.add(new CorrectableField(key, LocalizedText.of(dutch, english), value, format));
        }
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
