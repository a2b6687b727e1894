package nl.ouderportaal.core.guardian;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.host.EmergencyContact;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.CorrectableField;
import nl.ouderportaal.spi.module.CorrectableField.Format;

/**
 * The host data a guardian may propose corrections for (R-CHG-1): a child's personal data, address and
 * emergency numbers; the guardian's own name, address and contact data, and their country of birth and
 * education level (R-CHG-3).
 */
public final class StudentFields {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** Changes to these may affect the funding (weighting) of the guardian's children (R-CHG-3). */
    public static final List<String> FUNDING_FIELDS = List.of("countryOfBirth", "educationLevel");

    private StudentFields() {
    }

    public static List<CorrectableField> of(Student student) {
        List<CorrectableField> fields = new ArrayList<>();
        var name = student.name();
        var data = student.personalData();
        fields.add(field("givenNames", "Voornamen", "Given names", name.givenNames(), Format.TEXT));
        fields.add(field("preferredName", "Roepnaam", "Preferred name", name.preferredName(), Format.TEXT));
        fields.add(field("infix", "Tussenvoegsel", "Surname prefix", name.infix(), Format.TEXT));
        fields.add(field("surname", "Achternaam", "Surname", name.surname(), Format.TEXT));
        fields.add(field("birthDate", "Geboortedatum", "Date of birth", DATE.format(data.birthDate()), Format.DATE));
        fields.add(field("birthPlace", "Geboorteplaats", "Place of birth", data.birthPlace(), Format.TEXT));
        fields.add(field("nationality", "Nationaliteit", "Nationality", data.nationality(), Format.TEXT));
        addAddress(fields, student.address());
        fields.add(field("phone", "Telefoon", "Phone", data.phone(), Format.PHONE));
        fields.add(field("email", "E-mail", "Email", data.email(), Format.EMAIL));
        for (int i = 0; i < student.emergencyContacts().size(); i++) {
            EmergencyContact contact = student.emergencyContacts().get(i);
            int n = i + 1;
            fields.add(field("emergency." + n + ".name", "Noodnummer " + n + ": naam", "Emergency number " + n + ": name",
                    contact.name(), Format.TEXT));
            fields.add(field("emergency." + n + ".relation", "Noodnummer " + n + ": relatie", "Emergency number " + n + ": relation",
                    contact.relation(), Format.TEXT));
            fields.add(field("emergency." + n + ".phone", "Noodnummer " + n + ": telefoon", "Emergency number " + n + ": phone",
                    contact.phone(), Format.PHONE));
        }
        return fields;
    }

    /**
     * The keys of a guardian's own correctable fields, in order: what documents list (the OpenAPI document is
     * filled from this, never by hand).
     */
    public static List<String> ownKeys() {
        Guardian sample = new Guardian(nl.ouderportaal.spi.GuardianId.of("sample"),
                new nl.ouderportaal.spi.host.PersonName(null, "-", null, "-"),
                new nl.ouderportaal.spi.host.GuardianPersonalData(null, null, null, null, null), null,
                new nl.ouderportaal.spi.host.ContactData(null, null, null, null), null, null);
        return of(sample).stream().map(CorrectableField::key).toList();
    }

    public static List<CorrectableField> of(Guardian guardian) {
        List<CorrectableField> fields = new ArrayList<>();
        var name = guardian.name();
        fields.add(field("preferredName", "Roepnaam", "Preferred name", name.preferredName(), Format.TEXT));
        fields.add(field("infix", "Tussenvoegsel", "Surname prefix", name.infix(), Format.TEXT));
        fields.add(field("surname", "Achternaam", "Surname", name.surname(), Format.TEXT));
        addAddress(fields, guardian.address());
        fields.add(field("email", "E-mail", "Email", guardian.contact().email(), Format.EMAIL));
        fields.add(field("mobilePhone", "Mobiel", "Mobile", guardian.contact().mobilePhone(), Format.PHONE));
        fields.add(field("homePhone", "Telefoon thuis", "Home phone", guardian.contact().homePhone(), Format.PHONE));
        fields.add(field("workPhone", "Telefoon werk", "Work phone", guardian.contact().workPhone(), Format.PHONE));
        fields.add(field("countryOfBirth", "Geboorteland", "Country of birth", guardian.personalData().countryOfBirth(), Format.TEXT));
        fields.add(field("educationLevel", "Genoten opleiding", "Education", guardian.personalData().educationLevel(), Format.TEXT));
        return fields;
    }

    private static void addAddress(List<CorrectableField> fields, nl.ouderportaal.spi.host.Address address) {
        fields.add(field("address.street", "Straat", "Street", address == null ? null : address.street(), Format.TEXT));
        fields.add(field("address.houseNumber", "Huisnummer", "House number", address == null ? null : address.houseNumber(), Format.TEXT));
        fields.add(field("address.postalCode", "Postcode", "Postal code", address == null ? null : address.postalCode(),
                Format.POSTAL_CODE));
        fields.add(field("address.city", "Woonplaats", "Place of residence", address == null ? null : address.city(), Format.TEXT));
    }

    private static CorrectableField field(String key, String dutch, String english, String value, Format format) {
        return new CorrectableField(key, LocalizedText.of(dutch, english), value, format);
    }
}
