package nl.ouderportaal.modules.absences;

import nl.ouderportaal.spi.LocalizedText;

/**
 * The reasons a school may offer for a sick report (R-ABS-1); {@link #OTHER} asks for a text.
 *
 * @since 0.2
 */
public enum SickReason {
    SICK("Ziek", "Ill"),
    DOCTOR("Huisarts", "Doctor"),
    DENTIST("Tandarts", "Dentist"),
    SPECIALIST("Specialist of ziekenhuis", "Specialist or hospital"),
    OTHER("Anders", "Other");

    private final LocalizedText label;

    SickReason(String dutch, String english) {
        this.label = LocalizedText.of(dutch, english);
    }

    public LocalizedText label() {
        return label;
    }

    /** The value a form and the JSON API carry, such as {@code doctor}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
