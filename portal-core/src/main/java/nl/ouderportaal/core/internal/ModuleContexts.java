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
                                            LocalDate today, Student child, SchoolYear year,
                                            nl.ouderportaal.spi.record.ModuleRecords records) {
        return new Child<>(descriptor, sources, options, today, child, year, records);
    }

    public static <O> SchoolContext<O> school(ModuleDescriptor<O> descriptor, HostSources sources, O options,
                                              LocalDate today, School school) {
        return new SchoolPage<>(descriptor, sources, options, today, school);
    }

    private abstract static class Base<O> implements ModuleContext<O> {
        private final String moduleId;
        private final Set<Class<?>> declared;
        private final HostSources sources;
        private final O options;
        private final LocalDate today;

        Base(ModuleDescriptor<O> descriptor, HostSources sources, O options, LocalDate today) {
            this.moduleId = descriptor.id();
            this.declared = descriptor.requiredSources();
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
    }

    private static final class Child<O> extends Base<O> implements ChildContext<O> {
        private final Student child;
        private final SchoolYear schoolYear;
        private final nl.ouderportaal.spi.record.ModuleRecords records;

        Child(ModuleDescriptor<O> descriptor, HostSources sources, O options, LocalDate today, Student child,
              SchoolYear schoolYear, nl.ouderportaal.spi.record.ModuleRecords records) {
            super(descriptor, sources, options, today);
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

        SchoolPage(ModuleDescriptor<O> descriptor, HostSources sources, O options, LocalDate today, School school) {
            super(descriptor, sources, options, today);
            this.school = school;
        }

        @Override
        public School school() {
            return school;
        }
    }
}
