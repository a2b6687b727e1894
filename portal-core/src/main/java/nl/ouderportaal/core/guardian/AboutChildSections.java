package nl.ouderportaal.core.guardian;

import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.SchoolCareerEntry;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * The always-visible part of the "about the child" page (R-MOD-5, R-POR-2): personal data, emergency
 * numbers, group data, registration, the school's remark and the school career. Shown only to the
 * child's own guardians, who therefore also see a secret home address (R-POR-3).
 */
final class AboutChildSections {

    private AboutChildSections() {
    }

    static List<Section> of(Student student, Group currentGroup) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(text("Personalia", "Personal data"), List.of(personalData(student))));
        sections.add(new Section(text("Noodnummers", "Emergency numbers"), List.of(new Block.Table(
                List.of(text("Naam", "Name"), text("Relatie", "Relation"), text("Telefoon", "Phone")),
                student.emergencyContacts().stream().map(AboutChildSections::row).toList(),
                text("Er zijn geen noodnummers bekend.", "No emergency numbers are known.")))));
        sections.add(new Section(text("Groep", "Group"), List.of(currentGroup == null
                ? new Block.Notice(text("Uw kind zit dit schooljaar (nog) niet in een groep.", "Your child is not in a group this school year."))
                : new Block.Fields(List.of(
                        field("Groep", "Group", Value.text(currentGroup.name())),
                        field("Leerjaar", "Year level", Value.text(String.valueOf(currentGroup.yearLevel()))),
                        field("Lokaal", "Classroom", Value.text(currentGroup.classroom())))))));
        sections.add(new Section(text("Schoolaanmelding", "Registration"), List.of(new Block.Fields(List.of(
                field("Datum aanmelding", "Registration date", Value.day(student.registration().registrationDate())),
                field("Eerste schooldag", "First school day", Value.day(student.registration().firstSchoolDay())),
                field("Vorige school", "Previous school", Value.text(student.registration().previousSchool())))))));
        if (student.remark() != null && !student.remark().isBlank()) {
            sections.add(new Section(text("Opmerking van school", "Remark from the school"),
                    List.of(new Block.Paragraph(Value.text(student.remark())))));
        }
        sections.add(new Section(text("Schoolloopbaan", "School career"), List.of(new Block.Table(
                List.of(text("Schooljaar", "School year"), text("Groep", "Group"), text("Leerjaar", "Year level"),
                        text("Van", "From"), text("Tot en met", "Until")),
                student.schoolCareer().stream().map(AboutChildSections::row).toList(),
                text("Er is geen schoolloopbaan bekend.", "No school career is known.")))));
        return sections;
    }

    private static Block personalData(Student student) {
        var data = student.personalData();
        List<Block.Field> fields = new ArrayList<>();
        fields.add(field("Naam", "Name", Value.text(fullName(student))));
        fields.add(field("Roepnaam", "Preferred name", Value.text(student.name().preferredName())));
        fields.add(field("Geboortedatum", "Date of birth", Value.day(data.birthDate())));
        fields.add(field("Geboorteplaats", "Place of birth", Value.text(data.birthPlace())));
        fields.add(field("Geslacht", "Gender", gender(data.gender())));
        fields.add(field("Nationaliteit", "Nationality", Value.text(data.nationality())));
        fields.add(field("Adres", "Address", student.address() == null ? Value.text(null) : Value.text(student.address().oneLine())));
        if (student.addressSecret()) {
            fields.add(field("Geheim adres", "Secret address", Value.localized(
                    "Ja: dit adres is alleen zichtbaar voor de verzorgers van uw kind.",
                    "Yes: only your child's guardians can see this address.")));
        }
        fields.add(field("Telefoon", "Phone", Value.text(data.phone())));
        fields.add(field("E-mail", "Email", Value.text(data.email())));
        return new Block.Fields(fields);
    }

    private static String fullName(Student student) {
        String given = student.name().givenNames();
        return (given == null || given.isBlank() ? student.name().preferredName() : given) + " "
                + student.name().surnameWithInfix();
    }

    private static Value gender(Gender gender) {
        return switch (gender) {
            case FEMALE -> Value.localized("Meisje", "Girl");
            case MALE -> Value.localized("Jongen", "Boy");
            case UNSPECIFIED -> Value.localized("Niet opgegeven", "Not specified");
        };
    }

    private static List<Value> row(EmergencyContact contact) {
        return List.of(Value.text(contact.name()), Value.text(contact.relation()), Value.text(contact.phone()));
    }

    private static List<Value> row(SchoolCareerEntry entry) {
        return List.of(Value.text(entry.schoolYear().toString()), Value.text(entry.groupName()),
                Value.text(entry.yearLevel() == 0 ? null : String.valueOf(entry.yearLevel())),
                Value.day(entry.from()), Value.day(entry.until()));
    }

    private static Block.Field field(String nl, String en, Value value) {
        return new Block.Field(text(nl, en), value);
    }

    private static LocalizedText text(String nl, String en) {
        return LocalizedText.of(nl, en);
    }
}
