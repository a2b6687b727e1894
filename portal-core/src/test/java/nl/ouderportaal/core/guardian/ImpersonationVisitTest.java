package nl.ouderportaal.core.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guardian's history shows one entry per impersonation, with the pages viewed in it (issue 19, item 20)")
class ImpersonationVisitTest {

    private static final GuardianId ANNA = GuardianId.of("anna");
    private final List<AuditEvent> chronological = new ArrayList<>();
    private int minute;

    private void event(String action, String actor, String name, String detail, SchoolId... schools) {
        Instant at = Instant.parse("2026-03-10T08:00:00Z").plusSeconds(60L * minute++);
        for (SchoolId school : schools) {
            chronological.add(new AuditEvent(at, action, school, AuditEvent.ActorType.STAFF, actor, name, ANNA, detail));
        }
    }

    private List<ImpersonationVisit> history() {
        List<AuditEvent> newestFirst = new ArrayList<>(chronological);
        Collections.reverse(newestFirst);
        return ImpersonationVisit.group(newestFirst, 100);
    }

    @Test
    void oneImpersonationAtTwoSchoolsIsOneEntryListingEachPageOnceInARow() {
        SchoolId a = SchoolId.of("a");
        SchoolId b = SchoolId.of("b");
        event("impersonation.started", "m-1", "Juf Ineke", null, a, b);
        event("impersonation.viewed", "m-1", "Juf Ineke", "dashboard", a, b);
        event("impersonation.viewed", "m-1", "Juf Ineke", "about:s-1", a, b);
        event("impersonation.viewed", "m-1", "Juf Ineke", "about:s-1", a, b);
        event("impersonation.viewed", "m-1", "Juf Ineke", "module:notes:s-1", a, b);
        event("impersonation.ended", "m-1", "Juf Ineke", null, a, b);

        assertThat(history()).singleElement().satisfies(visit -> {
            assertThat(visit.actorName()).isEqualTo("Juf Ineke");
            assertThat(visit.started()).isEqualTo("2026-03-10T08:00:00Z");
            assertThat(visit.ended()).isEqualTo("2026-03-10T08:05:00Z");
            assertThat(visit.viewed()).containsExactly("dashboard", "about:s-1", "module:notes:s-1");
        });
    }

    @Test
    void twoImpersonationsAreTwoEntriesNewestFirstAndOneThatRanOutHasNoEnd() {
        SchoolId a = SchoolId.of("a");
        event("impersonation.started", "m-1", "Juf Ineke", null, a);
        event("impersonation.viewed", "m-1", "Juf Ineke", "dashboard", a);
        event("impersonation.started", "m-2", "Meester Bram", null, a);
        event("impersonation.viewed", "m-2", "Meester Bram", "news", a);
        event("impersonation.viewed", "m-1", "Juf Ineke", "profile", a);
        event("impersonation.ended", "m-2", "Meester Bram", null, a);
        event("impersonation.refused", "m-3", "Stagiair", null, a);

        List<ImpersonationVisit> history = history();
        assertThat(history).extracting(ImpersonationVisit::actorName).containsExactly("Meester Bram", "Juf Ineke");
        assertThat(history.get(0).viewed()).containsExactly("news");
        assertThat(history.get(1).viewed()).containsExactly("dashboard", "profile");
        assertThat(history.get(1).ended()).as("timed out, or still going").isNull();
    }

    @Test
    void aNewStartOfTheSameStaffUserClosesTheEntryBefore() {
        SchoolId a = SchoolId.of("a");
        event("impersonation.started", "m-1", "Juf Ineke", null, a);
        event("impersonation.viewed", "m-1", "Juf Ineke", "dashboard", a);
        event("impersonation.started", "m-1", "Juf Ineke", null, a);
        event("impersonation.viewed", "m-1", "Juf Ineke", "news", a);

        assertThat(history()).extracting(ImpersonationVisit::viewed).containsExactly(List.of("news"), List.of("dashboard"));
    }
}
