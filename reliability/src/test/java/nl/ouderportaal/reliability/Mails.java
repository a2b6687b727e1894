package nl.ouderportaal.reliability;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Reading real messages received by GreenMail. */
public final class Mails {

    private Mails() {
    }

    public static String body(MimeMessage message) {
        return nl.ouderportaal.testing.Mails.plainText(message);
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The addresses in a header value, parsed strictly as RFC 822; a bad address throws. */
    public static List<String> parseStrict(String header) {
        try {
            return Arrays.stream(jakarta.mail.internet.InternetAddress.parseHeader(header, true))
                    .map(jakarta.mail.internet.InternetAddress::getAddress).toList();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new AssertionError("Not a valid address: " + header, e);
        }
    }

    /** Every header line of the message, raw. */
    public static List<String> headerLines(MimeMessage message) {
        try {
            return java.util.Collections.list(message.getAllHeaderLines());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
