package nl.ouderportaal.core.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.ouderportaal.spi.action.MailAttachment;

/** Sends outbox mails with Jakarta Mail (Angus) over SMTP, one connection per batch. */
public final class SmtpMailTransport implements MailTransport {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        String protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        props.put("mail." + protocol + ".writetimeout", "30000");
        props.put("mail." + protocol + ".auth", String.valueOf(settings.username() != null));
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public Connection open() throws MailException {
        try {
            Transport transport = session.getTransport();
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            return new SmtpConnection(transport);
        } catch (MessagingException e) {
            throw new MailException("Cannot connect to SMTP server " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e, true);
        }
    }

    private final class SmtpConnection implements Connection {
        private final Transport transport;

        SmtpConnection(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void send(QueuedMail queued) throws MailException {
            MimeMessage message = toMessage(queued);
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                throw new MailException("Refused by the SMTP server: " + e.getMessage(), e, false);
            } catch (MessagingException e) {
                throw new MailException("SMTP failure: " + e.getMessage(), e, !transport.isConnected());
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // Closing a broken connection: nothing left to do.
            }
        }
    }

    private MimeMessage toMessage(QueuedMail queued) throws MailException {
        OutgoingMail mail = queued.mail();
        try {
            MimeMessage message = new StableIdMessage(session, queued.id(), settings.host());
            message.setFrom(new InternetAddress(settings.fromAddress(),
                    settings.fromName() == null ? null : OutgoingMail.oneLine(settings.fromName()), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            if (mail.attachments().isEmpty()) {
                body(message, mail);
            } else {
                // multipart/mixed: the body first, then each attachment as a file (RFC 2046, 2183)
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart first = new MimeBodyPart();
                body(first, mail);
                mixed.addBodyPart(first);
                for (MailAttachment file : mail.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setContent(file.text(), file.contentType() + "; charset=UTF-8");
                    part.setHeader("Content-Type", file.contentType() + "; charset=UTF-8; name=\"" + file.name() + "\"");
                    part.setFileName(file.name());
                    part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    // Quoted-printable keeps an iCalendar's long lines and non-ASCII names intact through any relay.
                    part.setHeader("Content-Transfer-Encoding", "quoted-printable");
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("Cannot build mail " + queued.id() + ": " + e.getMessage(), e, false);
        }
    }

    /** The mail's own text, plain or plain and HTML, into a message or the first part of a mixed one. */
    private static void body(jakarta.mail.internet.MimePart target, OutgoingMail mail) throws MessagingException {
        if (mail.html() == null) {
            target.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            target.setContent(alternative);
        }
    }

    /** A message whose Message-ID follows its outbox row, so that a resend after a crash can be recognised. */
    private static final class StableIdMessage extends MimeMessage {
        private final long id;
        private final String domain;

        StableIdMessage(Session session, long id, String domain) {
            super(session);
            this.id = id;
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<outbox-" + id + "@" + domain + ">");
        }
    }
}
