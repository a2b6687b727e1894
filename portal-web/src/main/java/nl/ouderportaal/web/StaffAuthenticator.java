package nl.ouderportaal.web;

import java.util.Optional;
import nl.ouderportaal.spi.StaffActor;

/**
 * The host's check of a staff user's credentials, for the administration pages and {@code POST
 * /api/admin/session}. Staff are never authenticated by the portal itself (R-ACC-12): the host decides who
 * they are and which roles and schools they have; the portal only keeps the resulting session.
 *
 * <p>Called once per staff login attempt, from request threads, concurrently: implementations must be
 * thread-safe. Never returns {@code null}; an unknown user and a wrong password both give
 * {@link Optional#empty()}, and the portal answers both the same way.
 *
 * <pre>{@code
 * PortalWeb.builder(portal)
 *     .staffAuthenticator((user, password) -> sis.checkStaffLogin(user, password))
 *     .build();
 * }</pre>
 *
 * <p>A host with single sign-on need not use this: it can create a staff session itself (see
 * {@code Portal.staffSessions()}) and set the staff cookie.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StaffAuthenticator {

    /** The staff user these credentials belong to, or empty when they belong to nobody. */
    Optional<StaffActor> authenticate(String username, String password);
}
