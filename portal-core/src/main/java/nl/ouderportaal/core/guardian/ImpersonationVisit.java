package nl.ouderportaal.core.guardian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.core.audit.AuditEvent;

/**
 * One time that staff viewed the portal as a guardian ("log in as guardian", R-IMP), as the guardian's history
 * shows it: who, from when until when, and the pages viewed in between (issue 19, item 20). Immutable.
 *
 * @param actorName the staff user's name as the audit log has it; {@code null} when unknown
 * @param started when the impersonation started (the first page viewed, if the start is older than the history)
 * @param ended when it was ended by a logout; {@code null} while it runs or when it ran out by a timeout
 * @param viewed the pages viewed, in order, each once in a row (e.g. {@code dashboard}, {@code about:s-1},
 *     {@code module:notes:s-1}); the labels of {@link AuditEvent#detail()} of {@code impersonation.viewed}
 */
public record ImpersonationVisit(String actorName, Instant started, Instant ended, List<String> viewed) {

    public ImpersonationVisit {
        viewed = List.copyOf(viewed);
    }

    /**
     * Groups the audit events of impersonations (newest first, as the audit log gives them, one copy per school
     * of a multi-school impersonation) into visits, newest first: a start opens a visit of its staff user,
     * the pages viewed join the open visit of the same staff user, a logout closes it. Refused attempts saw
     * nothing and are left out.
     *
     * @param newestFirst the guardian's {@code impersonation.*} audit events
     * @param max at most this many visits
     * @return the visits, newest first
     */
    public static List<ImpersonationVisit> group(List<AuditEvent> newestFirst, int max) {
        Set<List<Object>> seen = new HashSet<>();
        List<AuditEvent> events = new ArrayList<>();
        for (AuditEvent e : newestFirst) {
            if (seen.add(Arrays.asList(e.at(), e.action(), e.actorId(), e.detail()))) {
                events.add(e);
            }
        }
        // Oldest first; events of one moment keep the log's order (a clock that stood still in a test, a fast click).
        Collections.reverse(events);
        events.sort(Comparator.comparing(AuditEvent::at));
        Map<String, Open> open = new LinkedHashMap<>();
        List<ImpersonationVisit> visits = new ArrayList<>();
        for (AuditEvent e : events) {
            String actor = String.valueOf(e.actorId());
            switch (e.action()) {
                case "impersonation.started" -> {
                    Open before = open.put(actor, new Open(e.actorName(), e.at()));
                    if (before != null) {
                        visits.add(before.visit(null));
                    }
                }
                case "impersonation.viewed" -> open.computeIfAbsent(actor, a -> new Open(e.actorName(), e.at())).view(e.detail());
                case "impersonation.ended" -> {
                    Open visit = open.remove(actor);
                    visits.add(visit == null ? new ImpersonationVisit(e.actorName(), e.at(), e.at(), List.of()) : visit.visit(e.at()));
                }
                default -> { }
            }
        }
        open.values().forEach(visit -> visits.add(visit.visit(null)));
        Collections.reverse(visits);
        visits.sort(Comparator.comparing(ImpersonationVisit::started).reversed());
        return visits.size() > max ? List.copyOf(visits.subList(0, max)) : List.copyOf(visits);
    }

    private static final class Open {
        private final String actorName;
        private final Instant started;
        private final List<String> viewed = new ArrayList<>();

        Open(String actorName, Instant started) {
            this.actorName = actorName;
            this.started = started;
        }

        void view(String page) {
            if (page != null && (viewed.isEmpty() || !viewed.get(viewed.size() - 1).equals(page))) {
                viewed.add(page);
            }
        }

        ImpersonationVisit visit(Instant ended) {
            return new ImpersonationVisit(actorName, started, ended, viewed);
        }
    }
}
