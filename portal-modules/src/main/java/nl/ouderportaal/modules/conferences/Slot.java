package nl.ouderportaal.modules.conferences;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One conversation slot of a teacher in a round; its {@link #id()} is the value forms carry
 * ({@code round|teacher|2026-12-08T18:10}) and its {@link #key()} the unique record key that makes
 * one booking per slot hold (R-CONF-3).
 */
record Slot(String round, String teacher, LocalDateTime start, LocalDateTime end) {

    String id() {
        return round + "|" + teacher + "|" + start;
    }

    String key() {
        return "slot:" + round + ":" + teacher + ":" + start;
    }

    static Optional<Parsed> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int first = id.indexOf('|');
        int last = id.lastIndexOf('|');
        if (first <= 0 || last <= first + 1 || last == id.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(id.substring(0, first), id.substring(first + 1, last),
                    LocalDateTime.parse(id.substring(last + 1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A slot id taken apart; whether it is a real slot the round decides. */
    record Parsed(String round, String teacher, LocalDateTime start) {
    }
}
