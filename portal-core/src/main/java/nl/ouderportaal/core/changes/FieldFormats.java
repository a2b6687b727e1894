package nl.ouderportaal.core.changes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.ouderportaal.core.account.EmailAddresses;
import nl.ouderportaal.core.guardian.StudentFields;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.CorrectableField;

/** Checks a proposed value against its field's format; returns the value as it will be sent. */
final class FieldFormats {

    private static final Pattern POSTAL_CODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()-]{6,20}");
    /** Line breaks and other control characters: a value is one line (long text may have line breaks). */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029&&[^\\n]]");

    private FieldFormats() {
    }

    /** The normalised value, or the reason it is refused. */
    static Result check(CorrectableField field, String proposed, LocalDate today) {
        // A form's textarea sends CRLF; one kind of line break is checked and kept.
        String value = proposed == null ? "" : proposed.replace("\r\n", "\n").strip();
        boolean multiLine = field.format() == CorrectableField.Format.LONG_TEXT;
        if (CONTROL.matcher(value).find() || (!multiLine && value.contains("\n"))) {
            return refused("mag geen regeleinden of stuurtekens bevatten", "may not contain line breaks or control characters");
        }
        int max = multiLine ? 2000 : 200;
        if (value.length() > max) {
            return refused("mag hoogstens " + max + " tekens lang zijn", "may be at most " + max + " characters long");
        }
        if (value.isEmpty()) {
            return new Result(Optional.of(""), Optional.empty());
        }
        return switch (field.format()) {
            case TEXT, LONG_TEXT -> ok(value);
            case DATE -> date(value, today);
            case POSTAL_CODE -> {
                var m = POSTAL_CODE.matcher(value);
                yield m.matches() ? ok(m.group(1) + " " + m.group(2).toUpperCase(java.util.Locale.ROOT))
                        : refused("is geen geldige postcode (zoals 1234 AB)", "is not a valid postal code (like 1234 AB)");
            }
            case PHONE -> PHONE.matcher(value).matches() && value.chars().filter(Character::isDigit).count() >= 6
                    ? ok(value) : refused("is geen geldig telefoonnummer", "is not a valid phone number");
            case EMAIL -> EmailAddresses.isValid(value) ? ok(value)
                    : refused("is geen geldig e-mailadres", "is not a valid email address");
        };
    }

    private static Result date(String value, LocalDate today) {
        try {
            LocalDate day = LocalDate.parse(value, StudentFields.DATE);
            if (day.isAfter(today) || day.getYear() < 1900) {
                return refused("ligt niet in het verleden", "is not in the past");
            }
            return ok(StudentFields.DATE.format(day));
        } catch (DateTimeParseException e) {
            return refused("is geen geldige datum (zoals 31-12-2016)", "is not a valid date (like 31-12-2016)");
        }
    }

    private static Result ok(String value) {
        return new Result(Optional.of(value), Optional.empty());
    }

    private static Result refused(String dutch, String english) {
        return new Result(Optional.empty(), Optional.of(LocalizedText.of(dutch, english)));
    }

    /** A normalised value, or why it is refused. */
    record Result(Optional<String> value, Optional<LocalizedText> problem) {
    }
}
