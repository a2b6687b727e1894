package nl.ouderportaal.web;

/** No live guardian session: pages send the visitor to the login page, the API answers 401. */
final class LoginRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoginRequired() {
        super(null, null, false, false);
    }
}
