package nl.ouderportaal.core.mail;

import java.util.Objects;

/**
 * How the portal reaches its SMTP server.
 *
 * @param host required
 * @param port for example 587
 * @param security none (loopback and tests only), STARTTLS or implicit TLS
 * @param username optional; with a password, the server's login
 * @param password optional
 * @param fromAddress the sender address, required
 * @param fromName the sender name, such as "Ouderportaal"
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
                           String fromAddress, String fromName) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(fromAddress, "fromAddress");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid SMTP port " + port);
        }
    }

    /** Transport security of the SMTP connection. */
    public enum Security {
        NONE,
        STARTTLS,
        TLS
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", user=" + username + "]";
    }
}
