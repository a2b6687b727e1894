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

    /**
     * The staff user as the host knows them now: asked on every administration request of a live staff
     * session (and on every guardian request while that staff user is logged in as a guardian), so that
     * roles or schools the host took away count at once. Empty ends the staff session, and with it any
     * "log in as guardian" in that browser.
     *
     * <p>The default trusts the roles and schools given at login until the session ends or times out.
     * Called from request threads, concurrently; it must be thread-safe and cheap (cache in the host if a
     * look-up is slow). Never returns {@code null}.
     *
     * <pre>{@code
     * StaffAuthenticator authenticator = new StaffAuthenticator() {
     *     public Optional<StaffActor> authenticate(String user, String password) { return sis.checkStaffLogin(user, password); }
     *     public Optional<StaffActor> current(StaffActor atLogin) { return sis.staffUser(atLogin.id()); }
     * };
     * }</pre>
     *
     * @param known the staff user as the session holds them (the answer of the login, or of an earlier call)
     */
    default Optional<StaffActor> current(StaffActor known) {
        return Optional.of(known);
    }
}
