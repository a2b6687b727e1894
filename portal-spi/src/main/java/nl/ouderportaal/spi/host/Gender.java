package nl.ouderportaal.spi.host;

/**
 * Gender as registered by the host.
 *
 * @since 0.1
 */
public enum Gender {
    FEMALE,
    MALE,
    /** Not registered, or registered as neither (the Dutch "X"). */
    UNSPECIFIED
}
