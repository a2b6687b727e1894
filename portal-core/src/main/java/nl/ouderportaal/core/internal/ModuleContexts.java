package nl.ouderportaal.core.internal;

import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.SchoolContext;

/** The contexts the core hands to content modules. Internal. */
public final class ModuleContexts {

    private ModuleContexts() {
    }

    public static <O> ChildContext<O> child(ModuleDescriptor<O> descriptor, HostSources sources, O options,
                                            LocalDate today, Student child, SchoolYear year) {
        return new Child<>(new Base<>(descriptor.id(), descriptor.requiredSources(), sources, options, today), child, year);
    }

    public static <O> SchoolContext<O> school(ModuleDescriptor<O> descriptor, HostSources sources, O options,
                                              LocalDate today, School school) {
        return new SchoolPage<>(new Base<>(descriptor.id(), descriptor.requiredSources(), sources, options, today), school);
    }

    private record Base<O>(String moduleId, Set<Class<?>> declared, HostSources sources, O options, LocalDate today)
            implements ModuleContext<O> {
        @Override
        public <S> S source(Class<S> type) {
            // Only declared sources: an undeclared one would escape the start-up check for missing sources.
            if (!declared.contains(type)) {
                throw new IllegalStateException("Content module '" + moduleId + "' asked for " + type.getName()
                        + " without declaring it in its descriptor's requiredSources");
            }
            return sources.get(type);
        }
    }

    private record Child<O>(Base<O> base, Student child, SchoolYear schoolYear) implements ChildContext<O> {
        @Override
        public LocalDate today() {
            return base.today();
        }

        @Override
        public O options() {
            return base.options();
        }

        @Override
        public <S> S source(Class<S> type) {
            return base.source(type);
        }
    }

    private record SchoolPage<O>(Base<O> base, School school) implements SchoolContext<O> {
        @Override
        public LocalDate today() {
            return base.today();
        }

        @Override
        public O options() {
            return base.options();
        }

        @Override
        public <S> S source(Class<S> type) {
            return base.source(type);
        }
    }
}
