package nl.ouderportaal.core.internal;

import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.SchoolContext;

/** The contexts the core hands to content modules. Internal. */
public final class ModuleContexts {

    private ModuleContexts() {
    }

    public static <O> ChildContext<O> child(ContentModule<O> module, HostSources sources, O options,
                                            LocalDate today, Student child, SchoolYear year,
                                            nl.ouderportaal.spi.record.ModuleRecords records) {
        return new Child<>(module, sources, options, today, child, year, records);
    }

    public static <O> SchoolContext<O> school(ContentModule<O> module, HostSources sources, O options,
                                              LocalDate today, School school) {
        return new SchoolPage<>(module, sources, options, today, school);
    }

    /** The sinks a module's actions declare: a page may look at them, if the host supplies them. */
    public static java.util.Set<Class<?>> sinksOf(ContentModule<?> module) {
        java.util.Set<Class<?>> sinks = new java.util.HashSet<>();
        module.actions().forEach(a -> sinks.addAll(a.requiredSinks()));
        module.staffActions().forEach(a -> sinks.addAll(a.requiredSinks()));
        return sinks;
    }

    private abstract static class Base<O> implements ModuleContext<O> {
        private final String moduleId;
        private final Set<Class<?>> declared;
        private final HostSources sources;
        private final O options;
        private final LocalDate today;

        private final Set<Class<?>> sinks;

        Base(ContentModule<O> module, HostSources sources, O options, LocalDate today) {
            ModuleDescriptor<O> descriptor = module.descriptor();
            this.moduleId = descriptor.id();
            this.declared = descriptor.requiredSources();
            this.sinks = sinksOf(module);
            this.sources = sources;
            this.options = options;
            this.today = today;
        }

        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public O options() {
            return options;
        }

        @Override
        public <S> S source(Class<S> type) {
            // Only declared sources: an undeclared one would escape the start-up check for missing sources.
            if (!declared.contains(type)) {
                throw new IllegalStateException("Content module '" + moduleId + "' asked for " + type.getName()
                        + " without declaring it in its descriptor's requiredSources");
            }
            return sources.get(type);
        }

        @Override
        public <S> java.util.Optional<S> findSource(Class<S> type) {
            if (declared.contains(type)) {
                return java.util.Optional.of(sources.get(type));
            }
            if (!sinks.contains(type)) {
                throw new IllegalStateException("Content module '" + moduleId + "' looked for " + type.getName()
                        + ", which neither its descriptor nor any of its actions declares");
            }
            return sources.find(type);
        }
    }

    private static final class Child<O> extends Base<O> implements ChildContext<O> {
        private final Student child;
        private final SchoolYear schoolYear;
        private final nl.ouderportaal.spi.record.ModuleRecords records;

        Child(ContentModule<O> module, HostSources sources, O options, LocalDate today, Student child,
              SchoolYear schoolYear, nl.ouderportaal.spi.record.ModuleRecords records) {
            super(module, sources, options, today);
            this.child = child;
            this.schoolYear = schoolYear;
            this.records = records;
        }

        @Override
        public nl.ouderportaal.spi.record.ModuleRecords records() {
            return records;
        }

        @Override
        public Student child() {
            return child;
        }

        @Override
        public SchoolYear schoolYear() {
            return schoolYear;
        }
    }

    private static final class SchoolPage<O> extends Base<O> implements SchoolContext<O> {
        private final School school;

        SchoolPage(ContentModule<O> module, HostSources sources, O options, LocalDate today, School school) {
            super(module, sources, options, today);
            this.school = school;
        }

        @Override
        public School school() {
            return school;
        }
    }
}
