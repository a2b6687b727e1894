package nl.ouderportaal.web.docs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.modules.absences.AbsenceReportSink;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.ChangeRequestListener;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentPersonalData;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.testing.InMemoryHost;

/**
 * What the snippets of the README, the docs and the Javadoc take as given: the host's SIS, its data source,
 * a scheduler, the values a snippet's surrounding text speaks of. {@link DocSnippetsCompileTest} compiles each
 * snippet as a method (or members) of a subclass; nothing here runs.
 */
@SuppressWarnings("unused")
abstract class SnippetGivens {

    /** The host's school administration system, as the snippets call it. */
    interface Sis extends SchoolSource, StudentSource, GuardianSource, GroupSource, ActivitySource, AbsenceSource {
        Optional<StaffActor> authenticateStaff(String username, String password);

        Optional<StaffActor> checkStaffLogin(String username, String password);

        Optional<StaffActor> staffUser(StaffId id);

        void queueCorrection(ChangeRequestListener.Request request);

        void updateLink(String guardian, String child, boolean viewingRight, String changedBy);

        List<Absence> absences(String student, int schoolYear);

        AbsenceReportSink absenceReports();
    }

    /** The host's push service, for the notification channel's example. */
    interface PushService {
        void send(String guardian, Object items);
    }

    /** The module guide's own source and item. */
    interface HomeworkSource {
        List<Assignment> homework(GroupId group, SchoolYear year);
    }

    /** The module guide's item. */
    record Assignment(LocalDate due, String subject) {
    }

    /** A module the testing kit's example installs. */
    static class HomeworkModule implements nl.ouderportaal.spi.module.ContentModule<NoOptions> {
        @Override
        public nl.ouderportaal.spi.module.ModuleDescriptor<NoOptions> descriptor() {
            return null;
        }
    }

    static class JdbcSchoolSource implements SchoolSource {
        JdbcSchoolSource(DataSource dataSource) {
        }

        @Override
        public List<nl.ouderportaal.spi.host.School> schools(java.util.Collection<SchoolId> ids) {
            return List.of();
        }

        @Override
        public List<SchoolYear> schoolYears(SchoolId school) {
            return List.of();
        }
    }

    abstract static class SisStudentSource implements StudentSource {
    }

    Sis sis;
    PushService pushService;
    String user;
    String password;
    ScheduledExecutorService scheduler;
    SmtpSettings smtpSettings;
    DataSource dataSource;
    DataSource hikariDataSource;
    Clock clock;
    SchoolSource schools;
    StudentSource students;
    GuardianSource guardians;
    GroupSource groups;
    ActivitySource activities;
    AbsenceSource absences;
    GuardianSource guardianSource;
    StudentSource studentSource;
    GroupSource groupSource;
    ChildContext<NoOptions> context;
    Student child;
    Absence absence;
    StudentId sanne;
    StudentId daan;
    SchoolYear year;
    StudentPersonalData personalData;
    Address home;
    Registration registration;
    LocalDate day;
    Block table;
    Portal portal;
    InMemoryHost host;
    PortalStore store;
    AccountSettings settings;
    StaffActor admin;
    SchoolId school;
    GuardianId guardian;
    GuardianId parent;
    org.slf4j.Logger log;

    Block tableOf(List<Absence> absences) {
        return table;
    }
}
