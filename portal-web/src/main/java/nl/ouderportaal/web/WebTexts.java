package nl.ouderportaal.web;

import nl.ouderportaal.spi.LocalizedText;

/** Texts the web layer needs outside templates (errors, API messages), in Dutch and English. */
final class WebTexts {

    static final LocalizedText CSRF_TITLE = LocalizedText.of("Verzoek geweigerd", "Request refused");
    static final LocalizedText CSRF_REFUSED = LocalizedText.of(
            "Dit verzoek kwam niet van een pagina van het ouderportaal, of de pagina was verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
            "This request did not come from a page of the parent portal, or the page had expired. Go back, reload the page and try again.");
    static final LocalizedText INVALID_TITLE = LocalizedText.of("Controleer uw invoer", "Please check your input");
    static final LocalizedText READ_ONLY_TITLE = LocalizedText.of("Alleen bekijken", "View only");
    static final LocalizedText FORBIDDEN_TITLE = LocalizedText.of("Geen toegang", "No access");
    static final LocalizedText NOT_FOUND_TITLE = LocalizedText.of("Niet gevonden", "Not found");
    static final LocalizedText CONFLICT_TITLE = LocalizedText.of("Dat kan nu niet", "That is not possible now");
    static final LocalizedText RATE_LIMITED_TITLE = LocalizedText.of("Even geduld", "Please wait a moment");
    static final LocalizedText NOT_FOUND = LocalizedText.of(
            "Deze pagina bestaat niet, of u hebt er geen toegang toe.",
            "This page does not exist, or you have no access to it.");
    static final LocalizedText INTERNAL_TITLE = LocalizedText.of("Er ging iets mis", "Something went wrong");
    static final LocalizedText INTERNAL = LocalizedText.of(
            "Er ging iets mis aan onze kant. Probeer het later opnieuw; noem dit nummer als u contact opneemt met de school",
            "Something went wrong on our side. Please try again later; mention this number if you contact the school");
    static final LocalizedText NOT_LOGGED_IN = LocalizedText.of(
            "U bent niet (meer) ingelogd.", "You are not (or no longer) logged in.");
    static final LocalizedText BAD_JSON = LocalizedText.of(
            "De gegevens in het verzoek zijn geen geldige JSON of hebben niet de verwachte vorm.",
            "The request's data is not valid JSON or does not have the expected shape.");
    static final LocalizedText BAD_SCHOOL_YEAR = LocalizedText.of(
            "Schooljaar moet de vorm 2024-2025 hebben.", "School year must look like 2024-2025.");
    static final LocalizedText REPLY_NOT_ALLOWED = LocalizedText.of(
            "Op deze notitie kunt u niet reageren.", "You cannot reply to this note.");

    static final LocalizedText BUSY_TITLE = LocalizedText.of("Even geduld", "Please wait a moment");
    static final LocalizedText BUSY = LocalizedText.of(
            "Het is nu erg druk. Wacht even en probeer het dan opnieuw.",
            "It is very busy right now. Wait a moment and then try again.");
    static final LocalizedText NO_MULTIPART = LocalizedText.of(
            "Dit adres neemt geen bestanden aan. Stuur de gegevens als formulier of als JSON.",
            "This address takes no files. Send the data as a form or as JSON.");
    static final LocalizedText TOO_LARGE = LocalizedText.of(
            "Het bestand is te groot: een afbeelding mag hoogstens 5 MB zijn. Kies een kleinere.",
            "The file is too large: an image may be at most 5 MB. Choose a smaller one.");

    private WebTexts() {
    }
}
