package nl.ouderportaal.core.internal;

import java.sql.SQLException;

/** What a failed statement means, the same way on PostgreSQL and H2. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** Whether the failure, or one of its causes, is a unique-key violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
