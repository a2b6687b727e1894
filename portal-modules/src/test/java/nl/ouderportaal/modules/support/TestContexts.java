package nl.ouderportaal.modules.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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
                throw new UnsupportedOperationException("The built-in modules' page tests read no module records");
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
