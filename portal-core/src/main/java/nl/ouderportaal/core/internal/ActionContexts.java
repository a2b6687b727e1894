package nl.ouderportaal.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.action.ActingGuardian;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.core.internal.records.StoreModuleRecords;
import org.jdbi.v3.core.Handle;

/** The contexts the core hands to actions and staff views. Internal. */
public final class ActionContexts {

    private ActionContexts() {
    }

    /** Where a context's records read and write: a transaction's handle, or none (read only). */
    public record Records(PortalStore store, Handle handle, String moduleId, Clock clock, List<Runnable> afterCommit) {
        ModuleRecords at(SchoolId school) {
            return handle == null ? StoreModuleRecords.reading(store, school, moduleId, clock)
                    : StoreModuleRecords.writing(store, handle, school, moduleId, clock);
        }
    }

    /**
     * What the core's own actions (corrections) reach beyond the SPI: the action's transaction and work
     * to do once it committed (telling the host's listener).
     */
    public interface InTransaction {
        Handle handle();

        void afterCommit(Runnable work);
    }

    /** The transaction of a context that runs an action. */
    public static InTransaction transaction(Object context) {
        if (context instanceof Guardian<?> guardian && guardian.store().handle() != null) {
            return guardian;
        }
        throw new IllegalStateException("Not a running action's context");
    }

    /** Which host interfaces a module's code may ask for: its descriptor's sources and the action's sinks. */
    public record Declared(String moduleId, Set<Class<?>> types, HostSources sources) {
        public Declared {
            types = Set.copyOf(types);
        }

        public static Declared of(String moduleId, Set<Class<?>> sources, Set<Class<?>> sinks, HostSources host) {
            Set<Class<?>> all = new HashSet<>(sources);
            all.addAll(sinks);
            return new Declared(moduleId, all, host);
        }

        <S> S get(Class<S> type) {
            if (!types.contains(type)) {
                throw new IllegalStateException("Content module '" + moduleId + "' asked for " + type.getName()
                        + " without declaring it (descriptor's requiredSources, or the action's requiredSinks)");
            }
            return sources.get(type);
        }
    }

    public static <O> ActionContext<O> guardian(O options, Declared declared, ActingGuardian guardian, Student child,
                                                School school, List<School> schools, List<Student> visibleChildren,
                                                Instant now, ZoneId zone, Records records) {
        return new Guardian<>(options, declared, guardian, child, school, schools, visibleChildren, now, zone, records);
    }

    public static <O> StaffContext<O> staff(O options, Declared declared, StaffActor staff, School school, Instant now,
                                            ZoneId zone, Records records, Map<String, String> parameters) {
        return new Staff<>(options, declared, staff, school, now, zone, records, parameters);
    }

    private record Guardian<O>(O options, Declared declared, ActingGuardian guardian, Student childOrNull, School school,
                               List<School> schools, List<Student> visibleChildren, Instant now, ZoneId zone,
                               Records store) implements ActionContext<O>, InTransaction {
        Guardian {
            Objects.requireNonNull(school, "school");
            schools = List.copyOf(schools);
            visibleChildren = List.copyOf(visibleChildren);
        }

        @Override
        public LocalDate today() {
            return LocalDate.ofInstant(now, zone);
        }

        @Override
        public <S> S source(Class<S> type) {
            return declared.get(type);
        }

        @Override
        public Optional<Student> child() {
            return Optional.ofNullable(childOrNull);
        }

        @Override
        public ModuleRecords records() {
            return store.at(school.id());
        }

        @Override
        public ModuleRecords records(SchoolId other) {
            if (schools.stream().map(School::id).noneMatch(other::equals)) {
                throw new IllegalArgumentException("School " + other + " is not a school of the guardian's visible children");
            }
            return store.at(other);
        }

        @Override
        public Handle handle() {
            return store.handle();
        }

        @Override
        public void afterCommit(Runnable work) {
            store.afterCommit().add(work);
        }

        @Override
        public String toString() {
            return "ActionContext[" + store.moduleId() + ", " + guardian.id() + "]";
        }
    }

    private record Staff<O>(O options, Declared declared, StaffActor staff, School school, Instant now, ZoneId zone,
                            Records store, Map<String, String> parameters) implements StaffContext<O> {
        Staff {
            parameters = Map.copyOf(parameters);
        }

        @Override
        public LocalDate today() {
            return LocalDate.ofInstant(now, zone);
        }

        @Override
        public <S> S source(Class<S> type) {
            return declared.get(type);
        }

        @Override
        public ModuleRecords records() {
            return store.at(school.id());
        }
    }
}
