package nl.ouderportaal.core.admin;

import nl.ouderportaal.spi.LocalizedText;

/**
 * A staff user asked for something their role or schools do not allow (R-TEN-2). Nothing changed; the
 * refusal is in the audit log. {@link #text()} is the refusal for the user, Dutch and English;
 * {@link #getMessage()} is the English text, for developers and logs.
 */
public final class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LocalizedText text;

    public AccessRefusedException(LocalizedText text) {
        super(text.en());
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
