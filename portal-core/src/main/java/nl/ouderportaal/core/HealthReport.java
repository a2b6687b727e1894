package nl.ouderportaal.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PortalHealth} found: UP when every check is UP. Holds no personal data, so it may be shown
 * to a load balancer or an orchestrator as it is.
 *
 * @param status UP when every check is
 * @param checks each check, in a fixed order
 * @since 0.2.0
 */
public record HealthReport(Status status, List<Check> checks) {

    /** Copies the checks. */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        checks = List.copyOf(checks);
    }

    /** Whether a check, or the whole report, is fine. */
    public enum Status {
        /** Working. */
        UP,
        /** Not working; the detail says what is wrong. */
        DOWN
    }

    /**
     * One check.
     *
     * @param name what was checked: {@code store}, {@code migrations}, {@code dispatcher}, {@code outbox}
     * @param status its outcome
     * @param detail a short English sentence for an operator (no personal data)
     */
    public record Check(String name, Status status, String detail) {
    }

    static HealthReport of(List<Check> checks) {
        boolean up = checks.stream().allMatch(c -> c.status() == Status.UP);
        return new HealthReport(up ? Status.UP : Status.DOWN, checks);
    }

    /** Whether every check is UP. */
    public boolean isUp() {
        return status == Status.UP;
    }
}
