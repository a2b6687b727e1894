package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianWithLinks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo SIS keeps viewing rights changed in the portal's administration")
class DemoSisViewingRightTest {

    @Test
    void theSinkChangesOnlyThatLinkAndTheSourceReadsItBackAtOnce() {
        Jdbi db = Jdbi.create("jdbc:h2:mem:viewing-right;DB_CLOSE_DELAY=-1");
        new DemoSchoolGenerator(LocalDate.of(2026, 11, 28)).populate(db);
        DemoSis sis = new DemoSis(db);
        GuardianWithLinks family = sis.guardiansOfSchool(SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL)).stream()
                .filter(g -> g.links().stream().anyMatch(GuardianLink::viewingRight)).findFirst().orElseThrow();
        GuardianLink changed = family.links().stream().filter(GuardianLink::viewingRight).findFirst().orElseThrow();
        java.util.List<GuardianLink> before = sis.linksOfGuardian(changed.guardianId());
        StaffActor admin = new StaffActor(StaffId.of("m-1"), "Beheerder", Set.of(StaffActor.Role.ADMIN),
                Set.of(SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL)));

        sis.setViewingRight(changed.guardianId(), changed.studentId(), false, admin);

        assertThat(sis.linksOfGuardian(changed.guardianId())).containsExactlyInAnyOrderElementsOf(before.stream()
                .map(l -> l.equals(changed) ? new GuardianLink(l.guardianId(), l.studentId(), l.relation(), false) : l)
                .toList());
        sis.setViewingRight(changed.guardianId(), changed.studentId(), true, admin);
        assertThat(sis.linksOfGuardian(changed.guardianId())).containsExactlyInAnyOrderElementsOf(before);
    }
}
