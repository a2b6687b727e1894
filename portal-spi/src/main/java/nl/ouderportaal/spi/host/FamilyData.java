package nl.ouderportaal.spi.host;

/**
 * A guardian's family data (gezinsgegevens).
 *
 * @param familyName the family's name in the host, optional
 * @param maritalStatus optional
 * @param childrenInFamily the number of children in the family, optional
 * @since 0.1
 */
public record FamilyData(String familyName, String maritalStatus, Integer childrenInFamily) {
}
