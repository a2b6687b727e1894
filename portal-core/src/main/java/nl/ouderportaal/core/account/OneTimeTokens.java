package nl.ouderportaal.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import org.jdbi.v3.core.Handle;

/**
 * Single-use, expiring links bound to one account and one purpose. Only a SHA-256 of the token is
 * stored. Redeeming is one conditional update, so of many concurrent attempts exactly one wins, on one
 * node or many.
 */
final class OneTimeTokens {

    private final PortalStore store;

    OneTimeTokens(PortalStore store) {
        this.store = store;
    }

    /** Issues a new token and revokes every older unused token of the same purpose for the guardian. */
    String issue(Handle h, GuardianId guardian, TokenPurpose purpose, Duration lifetime, Instant now) {
        h.createUpdate("""
                        update one_time_tokens set revoked_at = :now
                        where guardian_id = :g and purpose = :purpose and used_at is null and revoked_at is null""")
                .bind("now", Timestamps.toColumn(now)).bind("g", guardian.value()).bind("purpose", purpose.name())
                .execute();
        String token = Secrets.newToken();
        h.createUpdate("""
                        insert into one_time_tokens (token_hash, guardian_id, purpose, created_at, expires_at)
                        values (:hash, :g, :purpose, :now, :expires)""")
                .bind("hash", Secrets.hash(token)).bind("g", guardian.value()).bind("purpose", purpose.name())
                .bind("now", Timestamps.toColumn(now)).bind("expires", Timestamps.toColumn(now.plus(lifetime)))
                .execute();
        return token;
    }

    /** Marks the token used if it is valid for the purpose; the guardian it belongs to, or empty. */
    Optional<GuardianId> redeem(Handle h, String token, TokenPurpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        int claimed = h.createUpdate("""
                        update one_time_tokens set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and revoked_at is null
                          and expires_at > :now""")
                .bind("now", Timestamps.toColumn(now)).bind("hash", hash).bind("purpose", purpose.name())
                .execute();
        if (claimed != 1) {
            return Optional.empty();
        }
        return h.createQuery("select guardian_id from one_time_tokens where token_hash = :hash")
                .bind("hash", hash).mapTo(String.class).findOne().map(GuardianId::of);
    }

    /** Why a token is not valid, for the audit log: unknown, used, revoked, expired or wrong purpose. */
    String diagnose(String token, TokenPurpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return "unknown";
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select * from one_time_tokens where token_hash = :hash")
                .bind("hash", Secrets.hash(token))
                .map((rs, ctx) -> !rs.getString("purpose").equals(purpose.name()) ? "wrong-purpose"
                        : rs.getObject("used_at") != null ? "used"
                        : rs.getObject("revoked_at") != null ? "revoked"
                        : !Timestamps.fromColumn(rs, "expires_at").isAfter(now) ? "expired" : "valid")
                .findOne().orElse("unknown"));
    }

    /** The guardian a token was issued to, valid or not (for auditing refusals). */
    Optional<GuardianId> owner(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select guardian_id from one_time_tokens where token_hash = :hash")
                .bind("hash", Secrets.hash(token)).mapTo(String.class).findOne().map(GuardianId::of));
    }

    /** Revokes every unused token of the guardian, of any purpose. */
    void revokeAll(Handle h, GuardianId guardian, Instant now) {
        h.createUpdate("""
                        update one_time_tokens set revoked_at = :now
                        where guardian_id = :g and used_at is null and revoked_at is null""")
                .bind("now", Timestamps.toColumn(now)).bind("g", guardian.value()).execute();
    }
}
