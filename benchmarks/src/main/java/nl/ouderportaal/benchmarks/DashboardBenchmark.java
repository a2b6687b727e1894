package nl.ouderportaal.benchmarks;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.ouderportaal.core.guardian.Dashboard;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSis;
import nl.ouderportaal.examples.homework.HomeworkModule;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.methodtests.MethodTestsModule;
import nl.ouderportaal.modules.nationaltests.NationalTestsModule;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.plans.PlansModule;
import nl.ouderportaal.modules.reports.ReportsModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * B1 and B2: the dashboard of a guardian with three visible children, in process, at both world sizes.
 * The floor makes the same host source calls as the dashboard, directly against the demo SIS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DashboardBenchmark {

    /** The modules whose dashboard entries the floor reads; setup checks that they are the dashboard's. */
    static final Set<String> DASHBOARD_MODULES = Set.of(AbsencesModule.ID, MethodTestsModule.ID, NationalTestsModule.ID,
            NotesModule.ID, PlansModule.ID, ReportsModule.ID, HomeworkModule.ID);

    @Param({"small", "large"})
    public String size;

    private DemoSchool demo;
    private DemoSis sis;
    private Viewer viewer;
    private GuardianId guardian;
    private SchoolYear year;

    @Setup(Level.Trial)
    public void open() {
        demo = BenchmarkWorlds.openCopy(BenchmarkWorlds.size(size), "dashboard");
        sis = demo.sis();
        guardian = GuardianId.of(DemoSchoolGenerator.BENCHMARK_GUARDIAN);
        viewer = Viewer.guardian(guardian);
        year = SchoolYear.containing(BenchmarkWorlds.today());
        int children = demo.portal().guardians().home(viewer).children().size();
        if (children != 3) {
            throw new IllegalStateException("The benchmark guardian must see 3 children, sees " + children);
        }
        Set<String> onDashboard = demo.portal().installedModules().stream().filter(ModuleDescriptor::dashboardCapable)
                .map(ModuleDescriptor::id).collect(Collectors.toSet());
        if (!onDashboard.equals(DASHBOARD_MODULES)) {
            throw new IllegalStateException("The floor no longer matches the dashboard's modules: " + onDashboard);
        }
        if (demo.portal().guardians().dashboard(viewer, Optional.empty()).entries().isEmpty()) {
            throw new IllegalStateException("The benchmark guardian's dashboard is empty");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        demo.close();
    }

    @Benchmark
    public Dashboard portal() {
        return demo.portal().guardians().dashboard(viewer, Optional.empty());
    }

    /** What GuardianPortal.dashboard asks of the host, in the same order, without the portal. */
    @Benchmark
    public void floor(Blackhole sink) {
        DashboardFloor.read(sis, guardian, year, (name, answer) -> sink.consume(answer));
    }
}
