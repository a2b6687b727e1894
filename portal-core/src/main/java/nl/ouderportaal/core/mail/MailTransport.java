package nl.ouderportaal.core.mail;

/**
 * Sends mails over one connection at a time, so that a batch reuses it. The SMTP implementation is
 * {@link SmtpMailTransport}; tests and integrators may supply their own.
 */
public interface MailTransport {

    /**
     * Opens a connection for a batch. A dispatcher with several connections calls this from as many
     * threads at once, so an implementation must allow that; each connection is used by one thread.
     */
    Connection open() throws MailException;

    /** One open connection; not thread-safe. */
    interface Connection extends AutoCloseable {
        /** Sends one mail; on failure the mail stays in the outbox for a retry. */
        void send(QueuedMail mail) throws MailException;

        @Override
        void close();
    }

    /** A mail could not be sent; {@code connectionLost} means the rest of the batch should wait too. */
    final class MailException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean connectionLost;

        public MailException(String message, Throwable cause, boolean connectionLost) {
            super(message, cause);
            this.connectionLost = connectionLost;
        }

        public boolean connectionLost() {
            return connectionLost;
        }
    }
}
