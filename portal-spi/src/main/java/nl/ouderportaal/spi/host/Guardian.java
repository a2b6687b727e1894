package nl.ouderportaal.spi.host;

import java.util.Objects;
import nl.ouderportaal.spi.GuardianId;

/**
 * A guardian (parent or carer) as the host knows them. Shown only to the guardian themself (R-ACC-9).
 *
 * @param id required
 * @param name required
 * @param personalData required
 * @param address optional
 * @param contact required
 * @param generalPractitioner optional
 * @param family optional
 * @since 0.1
 */
public record Guardian(GuardianId id, PersonName name, GuardianPersonalData personalData, Address address,
                       ContactData contact, GeneralPractitioner generalPractitioner, FamilyData family) {

    public Guardian {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(personalData, "personalData");
        Objects.requireNonNull(contact, "contact");
    }
}
