package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * A person's name in Dutch parts, so that it can be shown and sorted in Dutch style
 * ("Sanne de Vries", sorted as "Vries, Sanne de").
 *
 * <pre>{@code
 * PersonName name = new PersonName("Susanna Maria", "Sanne", "de", "Vries");
 * name.displayName(); // "Sanne de Vries"
 * name.sortName();    // "Vries, Sanne de"
 * }</pre>
 *
 * @param givenNames all given names (voornamen), optional
 * @param preferredName the name the person is called by (roepnaam), required
 * @param infix surname prefix (tussenvoegsel) such as "de" or "van der", optional
 * @param surname the surname without prefix, required
 * @since 0.1
 */
public record PersonName(String givenNames, String preferredName, String infix, String surname) {

    public PersonName {
        Objects.requireNonNull(preferredName, "preferredName");
        Objects.requireNonNull(surname, "surname");
    }

    /** The name as shown: preferred name, infix, surname. */
    public String displayName() {
        return preferredName + " " + surnameWithInfix();
    }

    /** The name as sorted in Dutch lists: surname, then preferred name and infix. */
    public String sortName() {
        return surname + ", " + preferredName + (hasInfix() ? " " + infix : "");
    }

    /** "de Vries", or "Jansen" without infix. */
    public String surnameWithInfix() {
        return hasInfix() ? infix + " " + surname : surname;
    }

    private boolean hasInfix() {
        return infix != null && !infix.isBlank();
    }
}
