package nl.ouderportaal.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.Student;

/**
 * Everything the visibility policy needs to decide what one viewer sees, gathered in a few batch calls:
 * the account, the guardian's links, the linked students, and the settings of their schools.
 *
 * @param guardian whose portal is shown
 * @param account the guardian's account status
 * @param schoolScope for an impersonating administrator, the schools they serve (R-TEN-2); empty for the
 *     guardian themself
 * @param links every link of the guardian, with and without the viewing right; links of other guardians
 *     are ignored
 * @param students the linked students the host knows
 * @param maintenanceSchools schools in maintenance mode (R-SET-4)
 * @param moduleSwitches per school, the stored switches; a module absent here is off
 * @param installedModules ids of the installed content modules
 * @param dashboardCapableModules ids of the installed modules that can show on the dashboard
 */
public record VisibilityFacts(GuardianId guardian, AccountStatus account, Optional<Set<SchoolId>> schoolScope, List<GuardianLink> links,
                              Map<StudentId, Student> students, Set<SchoolId> maintenanceSchools,
                              Map<SchoolId, Map<String, ModuleSwitch>> moduleSwitches, Set<String> installedModules,
                              Set<String> dashboardCapableModules) {

    public VisibilityFacts {
        Objects.requireNonNull(guardian, "guardian");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(schoolScope, "schoolScope");
        schoolScope = schoolScope.map(Set::copyOf);
        links = List.copyOf(links);
        students = Map.copyOf(students);
        maintenanceSchools = Set.copyOf(maintenanceSchools);
        moduleSwitches = Map.copyOf(moduleSwitches);
        installedModules = Set.copyOf(installedModules);
        dashboardCapableModules = Set.copyOf(dashboardCapableModules);
    }

    /** The stored switch of a module at a school, {@link ModuleSwitch#OFF} when never set. */
    public ModuleSwitch moduleSwitch(SchoolId school, String moduleId) {
        return moduleSwitches.getOrDefault(school, Map.of()).getOrDefault(moduleId, ModuleSwitch.OFF);
    }
}
