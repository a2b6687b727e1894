package nl.ouderportaal.spi.module;

import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * A value shown to a guardian that they may propose a correction for (the edit pencil, R-CHG-1). The
 * portal validates a proposal by {@code format}, mails old and new value to the school, and never
 * changes the host's data.
 *
 * @param key stable key, unique on its page, such as {@code medical.allergies}
 * @param label what the form shows
 * @param currentValue the value the host has now (may be empty for fields a guardian may fill in)
 * @param format how a new value is checked
 * @since 0.1
 */
public record CorrectableField(String key, LocalizedText label, String currentValue, Format format) {

    public CorrectableField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(format, "format");
        currentValue = currentValue == null ? "" : currentValue;
    }

    /** How a proposed value is checked. */
    public enum Format {
        /** One line of text, at most 200 characters. */
        TEXT,
        /** Several lines, at most 2,000 characters. */
        LONG_TEXT,
        /** A day, written 31-12-2016. */
        DATE,
        /** A Dutch postal code such as 1234 AB. */
        POSTAL_CODE,
        /** A phone number: digits, spaces, +, -, ( and ). */
        PHONE,
        /** An email address. */
        EMAIL
    }
}
