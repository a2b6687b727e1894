package nl.ouderportaal.modules.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Gender;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.SchoolContext;

/** Contexts for calling a module directly in a test, with in-memory sources. */
public final class TestContexts {

    public static final StudentId SANNE = StudentId.of("sanne");
    public static final SchoolId SCHOOL = SchoolId.of("regenboog");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    public static final SchoolYear YEAR = SchoolYear.containing(TODAY);

    private final Map<Class<?>, Object> sources = new HashMap<>();

    public <S> TestContexts with(Class<S> type, S source) {
        sources.put(type, source);
        return this;
    }

    public static Student sanne() {
        return new Student(SANNE, SCHOOL, new PersonName(null, "Sanne", "de", "Vries"), EnrolmentStatus.IN_EDUCATION,
                new StudentPersonalData(LocalDate.of(2016, 5, 1), null, Gender.FEMALE, null, null, null, null),
                new Address("Kerkstraat", "1", "1234 AB", "Zeist", null), false, List.of(), null,
                new Registration(LocalDate.of(2020, 1, 1), null, null), List.of());
    }

    /** A school where no action stored anything yet; the page tests do not write. */
    private static final nl.ouderportaal.spi.record.ModuleRecords NO_RECORDS = new nl.ouderportaal.spi.record.ModuleRecords() {
        @Override
        public <R> nl.ouderportaal.spi.record.StoredRecord<R> add(nl.ouderportaal.spi.record.RecordKind<R> kind,
                                                                   nl.ouderportaal.spi.record.RecordKeys keys, R value) {
            throw new IllegalStateException("Module records are written only while an action runs");
        }

        @Override
        public <R> Optional<nl.ouderportaal.spi.record.StoredRecord<R>> byKey(nl.ouderportaal.spi.record.RecordKind<R> kind, String key) {
            return Optional.empty();
        }

        @Override
        public <R> Optional<nl.ouderportaal.spi.record.StoredRecord<R>> byId(nl.ouderportaal.spi.record.RecordKind<R> kind, long id) {
            return Optional.empty();
        }

        @Override
        public <R> List<nl.ouderportaal.spi.record.StoredRecord<R>> byChild(nl.ouderportaal.spi.record.RecordKind<R> kind,
                                                                             nl.ouderportaal.spi.StudentId child) {
            return List.of();
        }

        @Override
        public <R> List<nl.ouderportaal.spi.record.StoredRecord<R>> byGuardian(nl.ouderportaal.spi.record.RecordKind<R> kind,
                                                                                nl.ouderportaal.spi.GuardianId guardian) {
            return List.of();
        }

        @Override
        public <R> List<nl.ouderportaal.spi.record.StoredRecord<R>> all(nl.ouderportaal.spi.record.RecordKind<R> kind) {
            return List.of();
        }

        @Override
        public <R> nl.ouderportaal.spi.record.StoredRecord<R> update(nl.ouderportaal.spi.record.StoredRecord<R> record, R value) {
            throw new IllegalStateException("Module records are written only while an action runs");
        }

        @Override
        public void remove(nl.ouderportaal.spi.record.StoredRecord<?> record) {
            throw new IllegalStateException("Module records are written only while an action runs");
        }
    };

    public <O> ChildContext<O> child(O options) {
        return child(options, YEAR);
    }

    public <O> ChildContext<O> child(O options, SchoolYear year) {
        Student child = sanne();
        return new ChildContext<>() {
            @Override
            public Student child() {
                return child;
            }

            @Override
            public SchoolYear schoolYear() {
                return year;
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }

            @Override
            public O options() {
                return options;
            }

            @Override
            public <S> S source(Class<S> type) {
                return type.cast(sources.get(type));
            }

            @Override
            public nl.ouderportaal.spi.record.ModuleRecords records() {
                return NO_RECORDS;
            }
        };
    }

    public <O> SchoolContext<O> school(O options) {
        School school = new School(SCHOOL, "OBS De Regenboog", new Address("Schoolstraat", "1", null, "Zeist", null),
                null, null, null, null, List.of());
        return new SchoolContext<>() {
            @Override
            public School school() {
                return school;
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }

            @Override
            public O options() {
                return options;
            }

            @Override
            public <S> S source(Class<S> type) {
                return type.cast(sources.get(type));
            }
        };
    }
}
