package nl.ouderportaal.web;

/**
 * Thrown by a handler for anything the visitor may not see or that does not exist: both answer the same
 * 404, so a child id of another family cannot be told from an unknown one.
 */
final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound() {
        super(null, null, false, false);
    }
}
