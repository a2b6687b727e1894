package nl.ouderportaal.spi.action;

/**
 * Where the pages offer a guardian action. The JSON API lists every action wherever it is placed.
 *
 * @since 0.2
 */
public enum ActionPlacement {
    /** A button on the module's page about the child (or, for {@link ActionScope#GUARDIAN}, the profile). */
    PAGE,
    /**
     * A form under each section of the module's page whose anchor is one of the choices of the form's
     * {@link FieldKind#ITEM} field (a reply under each note).
     */
    ITEM,
    /** A button on the dashboard, per visible child, while the action is available. */
    DASHBOARD
}
