package nl.ouderportaal.core;

/**
 * The portal cannot start as configured: a missing host source, two content modules with one id, a
 * store that cannot be migrated. The message names the module and the source involved.
 */
public final class PortalConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PortalConfigurationException(String message) {
        super(message);
    }

    public PortalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
