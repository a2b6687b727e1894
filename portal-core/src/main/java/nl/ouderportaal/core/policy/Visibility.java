package nl.ouderportaal.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * What one viewer may see, as decided by {@link VisibilityPolicy#decide(VisibilityFacts)}.
 *
 * @param ownProfile the guardian's own personal, account, GP and family data (R-MOD-5)
 * @param children the visible children, oldest first
 * @param childModules per visible child, the ids of the modules shown for it
 * @param dashboardModules per visible child, the ids of the modules whose entries are on the dashboard
 * @param schools the schools whose contact data, news and activities are shown: those of visible children
 * @param maintenanceNotices schools in maintenance where the viewer would otherwise see a child
 */
public record Visibility(boolean ownProfile, List<StudentId> children, Map<StudentId, Set<String>> childModules,
                         Map<StudentId, Set<String>> dashboardModules, Set<SchoolId> schools,
                         Set<SchoolId> maintenanceNotices) {

    public Visibility {
        children = List.copyOf(children);
        childModules = Map.copyOf(childModules);
        dashboardModules = Map.copyOf(dashboardModules);
        schools = Set.copyOf(schools);
        maintenanceNotices = Set.copyOf(maintenanceNotices);
    }

    public boolean isChildVisible(StudentId child) {
        return childModules.containsKey(child);
    }

    public boolean isModuleVisible(StudentId child, String moduleId) {
        return childModules.getOrDefault(child, Set.of()).contains(moduleId);
    }

    public boolean isOnDashboard(StudentId child, String moduleId) {
        return dashboardModules.getOrDefault(child, Set.of()).contains(moduleId);
    }
}
