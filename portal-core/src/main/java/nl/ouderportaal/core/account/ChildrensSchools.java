package nl.ouderportaal.core.account;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.StudentSource;

/**
 * The schools of a guardian's linked children, as the host knows them now: what decides which staff may act
 * on the guardian's one account (R-TEN-1, R-TEN-2) and whose audit logs show it. Thread-safe.
 */
final class ChildrensSchools {

    private static final Comparator<SchoolId> BY_ID = Comparator.comparing(SchoolId::value);

    private final HostSources sources;

    ChildrensSchools(HostSources sources) {
        this.sources = sources;
    }

    /** The schools of the guardian's children, sorted by id; empty without children the host knows. */
    SortedSet<SchoolId> of(GuardianId guardian) {
        return of(List.of(guardian)).get(guardian);
    }

    /** Per guardian, the schools of their children; the children's schools are read in one call. */
    Map<GuardianId, SortedSet<SchoolId>> of(Collection<GuardianId> guardians) {
        GuardianSource guardianSource = sources.get(GuardianSource.class);
        Map<GuardianId, List<StudentId>> children = new LinkedHashMap<>();
        for (GuardianId guardian : guardians) {
            children.put(guardian, guardianSource.linksOfGuardian(guardian).stream().map(GuardianLink::studentId).toList());
        }
        List<StudentId> all = children.values().stream().flatMap(List::stream).distinct().toList();
        Map<StudentId, SchoolId> schoolOf = new HashMap<>();
        if (!all.isEmpty()) {
            sources.get(StudentSource.class).students(all).forEach(s -> schoolOf.put(s.id(), s.schoolId()));
        }
        Map<GuardianId, SortedSet<SchoolId>> result = new LinkedHashMap<>();
        children.forEach((guardian, linked) -> {
            SortedSet<SchoolId> schools = new TreeSet<>(BY_ID);
            linked.stream().map(schoolOf::get).filter(java.util.Objects::nonNull).forEach(schools::add);
            result.put(guardian, schools);
        });
        return result;
    }
}
