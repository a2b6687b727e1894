package nl.ouderportaal.modules.nationaltests;

import nl.ouderportaal.spi.LocalizedText;

/** How a national test's result is shown to guardians (R-MOD-4). */
public enum Presentation {
    /** Niveau, e.g. "1F" or "III". */
    LEVEL("Niveau", "Level"),
    /** Niveau aanpassen: the level adjusted for the pupil's age or year. */
    ADJUSTED_LEVEL("Niveau (aangepast)", "Adjusted level"),
    /** Niveauwaarde: the numerical value of the level. */
    LEVEL_VALUE("Niveauwaarde", "Level value");

    private final LocalizedText label;

    Presentation(String nl, String en) {
        this.label = LocalizedText.of(nl, en);
    }

    public LocalizedText label() {
        return label;
    }
}
