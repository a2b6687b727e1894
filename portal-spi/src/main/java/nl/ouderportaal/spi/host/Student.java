package nl.ouderportaal.spi.host;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * A student (pupil) as the host knows it. Guardians see it as "child".
 *
 * <p>The home address is shown to the student's own guardians even when {@code addressSecret} is set
 * (they must be able to check it, R-POR-3), and never to anyone else.
 *
 * <pre>{@code
 * Student student = new Student(StudentId.of("s1"), SchoolId.of("brin-01"),
 *     new PersonName(null, "Sanne", "de", "Vries"), EnrolmentStatus.IN_EDUCATION, personalData,
 *     home, false, List.of(), null, registration, List.of());
 * }</pre>
 *
 * @param id required
 * @param schoolId the school the student is enrolled at, required
 * @param name required
 * @param enrolmentStatus required
 * @param personalData required
 * @param address home address, optional
 * @param addressSecret whether the host marked the home address as secret (geheim)
 * @param emergencyContacts emergency numbers, in the host's order
 * @param remark the school's remark (opmerking) meant for guardians, optional
 * @param registration required
 * @param schoolCareer the groups the student was in, oldest first
 * @since 0.1
 */
public record Student(StudentId id, SchoolId schoolId, PersonName name, EnrolmentStatus enrolmentStatus,
                      StudentPersonalData personalData, Address address, boolean addressSecret,
                      List<EmergencyContact> emergencyContacts, String remark, Registration registration,
                      List<SchoolCareerEntry> schoolCareer) {

    public Student {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enrolmentStatus, "enrolmentStatus");
        Objects.requireNonNull(personalData, "personalData");
        Objects.requireNonNull(registration, "registration");
        emergencyContacts = List.copyOf(emergencyContacts);
        schoolCareer = List.copyOf(schoolCareer);
    }
}
