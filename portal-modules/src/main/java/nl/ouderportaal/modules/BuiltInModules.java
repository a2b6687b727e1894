package nl.ouderportaal.modules;

import java.util.List;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.consent.ConsentModule;
import nl.ouderportaal.modules.conferences.ConferencesModule;
import nl.ouderportaal.modules.groups.GroupsModule;
import nl.ouderportaal.modules.medical.MedicalModule;
import nl.ouderportaal.modules.methodtests.MethodTestsModule;
import nl.ouderportaal.modules.nationaltests.NationalTestsModule;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.plans.PlansModule;
import nl.ouderportaal.modules.reports.ReportsModule;
import nl.ouderportaal.modules.staff.StaffModule;
import nl.ouderportaal.spi.module.ContentModule;

/**
 * The built-in content modules: the nine of the seed (R-MOD-1) in its menu order, then consent (R-CONS) and the
 * conference planner (R-CONF). Each is a plain
 * {@link ContentModule}; install all, or only those whose sources the host supplies:
 *
 * <pre>{@code
 * Portal.builder().install(BuiltInModules.all().toArray(ContentModule[]::new));
 * }</pre>
 */
public final class BuiltInModules {

    private BuiltInModules() {
    }

    public static List<ContentModule<?>> all() {
        return List.of(new AbsencesModule(), new GroupsModule(), new StaffModule(), new MedicalModule(),
                new MethodTestsModule(), new NationalTestsModule(), new NotesModule(), new PlansModule(),
                new ReportsModule(), new ConsentModule(), new ConferencesModule());
    }
}
