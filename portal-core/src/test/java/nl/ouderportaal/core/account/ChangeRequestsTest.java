package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ChangeRequestListener;
import nl.ouderportaal.spi.host.Registration;
import nl.ouderportaal.spi.host.Student;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Change requests: corrections guardians send to the school")
class ChangeRequestsTest {

    private static final String PASSWORD = "mijn wachtwoord voor het portaal";
    private static final StudentId SANNE = StudentId.of("child-of-anna");

    private static String annaLoggedIn(AccountsFixture f) {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", PASSWORD);
        f.portal.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate("wijzigingen@regenboog.example.org", null, false), "x");
        return ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();
    }

    private static int stored(AccountsFixture f) {
        return nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from change_requests").mapTo(Integer.class).one());
    }

    @OnBothDatabases
    void aCorrectionOfAChildIsMailedAsOldToNewAndHandedToTheHost(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String session = annaLoggedIn(f);
            ChangeRequestListener listener = mock(ChangeRequestListener.class);
            f.changeListener = listener;

            long id = GuardianWrites.correctChild(f.portal, session, SANNE,
                    Map.of("address.postalCode", "3701ab", "emergency.1.phone", "06-11112222", "birthPlace", "Utrecht"));
            f.deliver();

            assertThat(stored(f)).isOne();
            var mail = f.mailsTo("wijzigingen@regenboog.example.org");
            assertThat(mail).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("Wijziging doorgegeven door Anna Jansen voor Sanne Jansen");
                assertThat(AccountsFixture.body(m)).contains("Door: Anna Jansen (anna@example.org)",
                        "- Postcode: 1234 AB -> 3701 AB", "- Noodnummer 1: telefoon: 06-12345678 -> 06-11112222",
                        "Het Ouderportaal past zelf niets aan").doesNotContain("Geboorteplaats");
            });
            verify(listener).changeRequested(argThat(r -> r.id() == id && SANNE.equals(r.student()) && r.changes().size() == 2
                    && !r.fundingWarning()));
        }
    }

    @OnBothDatabases
    void badValuesAreRefusedPerFieldInDutchAndEnglishAndNothingIsStoredOrSent(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String session = annaLoggedIn(f);
            ChangeRequestListener listener = mock(ChangeRequestListener.class);
            f.changeListener = listener;
            int mailsBefore = f.portal.outbox().pending();

            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, session, SANNE, Map.of(
                    "address.postalCode", "123 AB", "phone", "bel me", "email", "geen-adres", "birthDate", "31-02-2016",
                    "preferredName", "Sanne\r\nBcc: x@example.org", "address.city", "x".repeat(201), "shoeSize", "32")))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("address.postalCode",
                                "phone", "email", "birthDate", "preferredName", "address.city", "shoeSize");
                        assertThat(e.message(new Locale("nl"))).contains("Postcode is geen geldige postcode (zoals 1234 AB).");
                        assertThat(e.message(Locale.ENGLISH)).contains("Postal code is not a valid postal code (like 1234 AB).");
                    });
            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, session, SANNE, Map.of("address.postalCode", "1234ab")))
                    .hasMessageContaining("niets gewijzigd");

            assertThat(stored(f)).isZero();
            assertThat(f.portal.outbox().pending()).isEqualTo(mailsBefore);
            verifyNoInteractions(listener);
        }
    }

    @OnBothDatabases
    void aChildWithoutViewingRightOrOfAnotherFamilyCannotBeCorrected(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String session = annaLoggedIn(f);
            f.guardianWithChild("bram", "bram@example.org");
            f.host.setViewingRight(GuardianId.of("anna"), SANNE, false);

            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, session, SANNE, Map.of("birthPlace", "Zeist")))
                    .hasMessageContaining("niet (meer) zichtbaar");
            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, session, StudentId.of("child-of-bram"),
                    Map.of("birthPlace", "Zeist"))).hasMessageContaining("niet (meer) zichtbaar");
            assertThat(stored(f)).isZero();
        }
    }

    @OnBothDatabases
    void aChangeOfCountryOfBirthCarriesTheFundingWarningNamingChildrenWhoStartedBeforeAugust2019(String db,
                                                                                              Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String session = annaLoggedIn(f);
            Student sanne = f.host.students.get(SANNE);
            f.host.replaceStudent(new Student(sanne.id(), sanne.schoolId(), sanne.name(), sanne.enrolmentStatus(),
                    sanne.personalData(), sanne.address(), false, sanne.emergencyContacts(), null,
                    new Registration(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 6), null), sanne.schoolCareer()));

            GuardianWrites.correctSelf(f.portal, session, Map.of("countryOfBirth", "Marokko", "mobilePhone", "06-55554444"));
            f.deliver();

            String body = AccountsFixture.body(f.mailsTo("wijzigingen@regenboog.example.org").get(0));
            assertThat(body).contains("Voor: de eigen gegevens van de verzorger", "- Geboorteland: Nederland -> Marokko",
                    "- Mobiel: (leeg) -> 06-55554444", "gewichtenregeling",
                    "alleen nog voor leerlingen die vóór die datum startten: Sanne Jansen.");
        }
    }

    @OnBothDatabases
    void aSchoolWithoutAChangeRequestAddressRefusesWithAClearMessage(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String session = annaLoggedIn(f);
            f.portal.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate(null, null, false), "x");

            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, session, SANNE, Map.of("birthPlace", "Zeist")))
                    .hasMessageContaining("kan nog geen wijzigingen ontvangen");
            assertThat(stored(f)).isZero();
        }
    }

    @OnBothDatabases
    void anImpersonatingAdministratorCannotSendCorrections(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            annaLoggedIn(f);
            String impersonation = f.portal.impersonations().start(ADMIN, GuardianId.of("anna"));

            assertThatThrownBy(() -> GuardianWrites.correctChild(f.portal, impersonation, SANNE, Map.of("birthPlace", "Zeist")))
                    .isInstanceOf(ImpersonationReadOnlyException.class);
            assertThat(stored(f)).isZero();
        }
    }
}
