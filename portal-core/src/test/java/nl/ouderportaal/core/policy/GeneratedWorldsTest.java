package nl.ouderportaal.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.Student;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The visibility policy agrees with an independent oracle")
class GeneratedWorldsTest {

    static final int WORLDS = 10_000;
    static final long FIRST_SEED = 20_262_028L;

    @Test
    @DisplayName("in 10,000 generated worlds, on children, modules, dashboard, schools, notices, years, activities and news")
    void policyAgreesWithOracle() {
        Report report = compare(VisibilityPolicy::decide, WORLDS);

        assertThat(report.worlds()).isEqualTo(WORLDS);
        assertThat(report.disagreements()).as("first disagreements:%n%s", report.examples()).isEmpty();
        // The worlds must exercise the rules, not only the trivial "nothing visible" case.
        assertThat(report.worldsWithVisibleChildren()).isGreaterThan(WORLDS / 3);
        assertThat(report.worldsWithMaintenanceNotices()).isGreaterThan(WORLDS / 20);
        assertThat(report.worldsWithDashboardModules()).isGreaterThan(WORLDS / 10);
    }

    /** Each mutant breaks one rule; the comparison must catch every one of them. */
    static List<Mutant> brokenRules() {
        return List.of(
                new Mutant("ignores the viewing right", f -> VisibilityPolicy.decide(withLinks(f,
                        f.links().stream().map(l -> new GuardianLink(l.guardianId(), l.studentId(), l.relation(), true)).toList()))),
                new Mutant("counts other guardians' links", f -> VisibilityPolicy.decide(withLinks(f,
                        f.links().stream().map(l -> new GuardianLink(f.guardian(), l.studentId(), l.relation(), l.viewingRight())).toList()))),
                new Mutant("ignores the enrolment status", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(), f.account(),
                        f.schoolScope(), f.links(), f.students().values().stream().collect(Collectors.toMap(Student::id,
                                s -> new Student(s.id(), s.schoolId(), s.name(), EnrolmentStatus.IN_EDUCATION, s.personalData(),
                                        s.address(), s.addressSecret(), s.emergencyContacts(), s.remark(), s.registration(),
                                        s.schoolCareer()))),
                        f.maintenanceSchools(), f.moduleSwitches(), f.installedModules(), f.dashboardCapableModules()))),
                new Mutant("ignores maintenance mode", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(), f.account(),
                        f.schoolScope(), f.links(), f.students(), java.util.Set.of(), f.moduleSwitches(), f.installedModules(),
                        f.dashboardCapableModules()))),
                new Mutant("ignores the account status", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(),
                        AccountStatus.ACTIVE, f.schoolScope(), f.links(), f.students(), f.maintenanceSchools(), f.moduleSwitches(),
                        f.installedModules(), f.dashboardCapableModules()))),
                new Mutant("ignores the impersonator's schools", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(),
                        f.account(), Optional.empty(), f.links(), f.students(), f.maintenanceSchools(), f.moduleSwitches(),
                        f.installedModules(), f.dashboardCapableModules()))),
                new Mutant("shows the dashboard of an inactive module", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(),
                        f.account(), f.schoolScope(), f.links(), f.students(), f.maintenanceSchools(),
                        f.moduleSwitches().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                e -> e.getValue().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                        m -> m.getValue().onDashboard() ? new ModuleSwitch(true, true) : m.getValue())))),
                        f.installedModules(), f.dashboardCapableModules()))),
                new Mutant("ignores the dashboard capability", f -> VisibilityPolicy.decide(new VisibilityFacts(f.guardian(),
                        f.account(), f.schoolScope(), f.links(), f.students(), f.maintenanceSchools(), f.moduleSwitches(),
                        f.installedModules(), f.installedModules()))));
    }

    @ParameterizedTest(name = "a policy that {0} is caught")
    @MethodSource("brokenRules")
    void aBrokenRuleIsCaught(Mutant mutant) {
        Report report = compare(mutant.policy(), 2_000);

        assertThat(report.disagreements()).as("disagreements found for a policy that %s", mutant.name()).isNotEmpty();
    }

    record Mutant(String name, Function<VisibilityFacts, Visibility> policy) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static VisibilityFacts withLinks(VisibilityFacts f, List<GuardianLink> links) {
        return new VisibilityFacts(f.guardian(), f.account(), f.schoolScope(), links, f.students(), f.maintenanceSchools(),
                f.moduleSwitches(), f.installedModules(), f.dashboardCapableModules());
    }

    private static Report compare(Function<VisibilityFacts, Visibility> policy, int worlds) {
        List<Long> disagreements = new ArrayList<>();
        StringBuilder examples = new StringBuilder();
        int withChildren = 0;
        int withNotices = 0;
        int withDashboard = 0;
        for (int i = 0; i < worlds; i++) {
            World world = WorldGenerator.generate(FIRST_SEED + i);
            Visibility actual = policy.apply(world.facts());
            Visibility expected = VisibilityOracle.expected(world.facts());
            List<String> differences = new ArrayList<>();
            if (!actual.equals(expected)) {
                differences.add("decision: policy " + actual + "\n    oracle " + expected);
            }
            for (World.YearQuestion q : world.yearQuestions()) {
                boolean policyAnswer = VisibilityPolicy.maySeeSchoolYear(actual, q.child(), q.moduleId(),
                        q.supportsEarlierYears(), q.requested(), q.current(), q.hostYears());
                if (policyAnswer != VisibilityOracle.maySeeYear(world.facts(), q)) {
                    differences.add("school year " + q + ": policy " + policyAnswer);
                }
            }
            for (var activity : world.activities()) {
                boolean policyAnswer = VisibilityPolicy.isActivityVisible(actual, world.facts().students(),
                        world.currentGroups(), activity);
                if (policyAnswer != VisibilityOracle.activityVisible(world.facts(), world, activity)) {
                    differences.add("activity " + activity.id() + ": policy " + policyAnswer);
                }
            }
            for (var message : world.news()) {
                boolean policyAnswer = VisibilityPolicy.isNewsVisible(actual, world.facts().students(), world.currentGroups(),
                        message, world.today());
                if (policyAnswer != VisibilityOracle.newsVisible(world.facts(), world, message)) {
                    differences.add("news " + message.id() + ": policy " + policyAnswer);
                }
            }
            if (!differences.isEmpty()) {
                disagreements.add(world.seed());
                if (disagreements.size() <= 3) {
                    examples.append("seed ").append(world.seed()).append(": ").append(String.join("; ", differences)).append('\n');
                }
            }
            withChildren += expected.children().isEmpty() ? 0 : 1;
            withNotices += expected.maintenanceNotices().isEmpty() ? 0 : 1;
            withDashboard += expected.dashboardModules().values().stream().anyMatch(m -> !m.isEmpty()) ? 1 : 0;
        }
        return new Report(worlds, disagreements, examples.toString(), withChildren, withNotices, withDashboard);
    }

    record Report(int worlds, List<Long> disagreements, String examples, int worldsWithVisibleChildren,
                  int worldsWithMaintenanceNotices, int worldsWithDashboardModules) {
    }
}
