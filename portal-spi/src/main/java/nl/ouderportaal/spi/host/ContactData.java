package nl.ouderportaal.spi.host;

/**
 * A guardian's contact data. The email here is where a first invitation goes (R-ACC-13); the portal
 * account keeps its own copy from then on.
 *
 * @param email optional
 * @param mobilePhone optional
 * @param homePhone optional
 * @param workPhone optional
 * @since 0.1
 */
public record ContactData(String email, String mobilePhone, String homePhone, String workPhone) {
}
