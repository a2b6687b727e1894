package nl.ouderportaal.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the mails the portal sent, in tests: the plain text of a message an SMTP server in the test
 * received (GreenMail, for instance), and the links in a text.
 *
 * @since 0.2.0
 */
public final class Mails {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");

    private Mails() {
    }

    /**
     * The decoded plain-text part of a mail (quoted-printable undone).
     *
     * @param message a received mail
     * @return its plain text, or the whole content when it has no plain-text part
     * @throws IllegalStateException when the mail cannot be read
     */
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

    /**
     * The http and https links in a text, in order.
     *
     * @param text a mail's plain text
     * @return its links
     */
    public static List<URI> links(String text) {
        List<URI> links = new java.util.ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            String link = matcher.group();
            while (link.endsWith(".") || link.endsWith(",")) {
                link = link.substring(0, link.length() - 1);
            }
            links.add(URI.create(link));
        }
        return List.copyOf(links);
    }
}
