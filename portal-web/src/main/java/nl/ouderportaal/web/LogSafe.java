package nl.ouderportaal.web;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An exception as it may go into the log (SPEC R-OPS-3: no email address, name or token at INFO and above).
 * A database's message often quotes the values of the failed statement (H2: {@code VALUES ('g:ouder@...')}):
 * the copy keeps every class and stack frame, and of a message only what cannot hold such data: for an SQL
 * failure its SQL state, elsewhere the text with anything that looks like an address or token masked.
 */
final class LogSafe {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s'\"<>(),;:]+@[^\\s'\"<>(),;]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,}");

    private LogSafe() {
    }

    static Throwable copy(Throwable e) {
        return copy(e, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable e, Map<Throwable, Throwable> seen) {
        if (e == null) {
            return null;
        }
        if (seen.containsKey(e)) {
            return seen.get(e);
        }
        seen.put(e, null);
        Throwable cause = e.getCause() == null || seen.containsKey(e.getCause()) ? null : copy(e.getCause(), seen);
        Scrubbed copy = new Scrubbed(e.getClass().getName() + ": " + message(e), cause);
        seen.put(e, copy);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String message(Throwable e) {
        // Named, not imported: the web layer reaches no SQL types (WebArchitectureTest).
        if (e.getClass().getName().startsWith("java.sql.") || e.getClass().getName().startsWith("org.h2.")
                || e.getClass().getName().startsWith("org.postgresql.")) {
            return "SQL state " + sqlState(e) + " (the statement and its values are left out)";
        }
        if (e.getClass().getName().startsWith("org.jdbi.")) {
            return "statement failed (its values are left out)";
        }
        String message = e.getMessage();
        if (message == null) {
            return "";
        }
        return TOKEN.matcher(ADDRESS.matcher(message).replaceAll("<address>")).replaceAll("<token>");
    }

    /** Prints as the original's class and the safe message. */
    private static final class Scrubbed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Scrubbed(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** The SQL state of a driver's exception, read by name so that the web layer imports no SQL type. */
    private static String sqlState(Throwable e) {
        try {
            return String.valueOf(e.getClass().getMethod("getSQLState").invoke(e));
        } catch (ReflectiveOperationException notAnSqlException) {
            return "unknown";
        }
    }
}
