package nl.ouderportaal.spi.action;

/**
 * Whom a guardian action is about.
 *
 * @since 0.2
 */
public enum ActionScope {
    /** One child the guardian may see ({@code /api/children/{childId}/{moduleId}/actions/{actionId}}). */
    CHILD,
    /** The guardian themself, without a child ({@code /api/me/{moduleId}/actions/{actionId}}). */
    GUARDIAN
}
