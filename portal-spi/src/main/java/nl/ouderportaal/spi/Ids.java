package nl.ouderportaal.spi;

/** Shared checks for the identifier records of this package; not part of the API. */
final class Ids {
    static final int MAX_LENGTH = 64;

    private Ids() {
    }

    static String require(String value, String type) {
        if (value == null) {
            throw new IllegalArgumentException(type + " must not be null");
        }
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(type + " must be 1 to " + MAX_LENGTH + " characters: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new IllegalArgumentException(type + " must not contain whitespace or control characters");
            }
        }
        return value;
    }
}
