package nl.ouderportaal.core.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/** Reading the mails the portal sent, in tests. */
public final class Mails {

    private Mails() {
    }

    /** The decoded plain-text part of a mail (quoted-printable undone). */
    public static String plainText(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return (String) multipart.getBodyPart(i).getContent();
                    }
                }
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a mail", e);
        }
    }
}
