package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Argon2id password hashes")
class PasswordHasherTest {

    private final PasswordHasher production = new PasswordHasher(PasswordHasher.PRODUCTION);

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEveryHash() {
        String first = production.hash("correct paard batterij nietje".toCharArray());
        String second = production.hash("correct paard batterij nietje".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(production.verify("correct paard batterij nietje".toCharArray(), first)).isTrue();
        assertThat(production.verify("correct paard batterij nietj".toCharArray(), first)).isFalse();
        assertThat(production.verify("x".toCharArray(), "$2a$10$notargon")).isFalse();
    }

    @Test
    void reportsWhatOneProductionHashCostsHere() {
        production.hash("opwarmen".toCharArray());
        long start = System.nanoTime();
        String hash = null;
        for (int i = 0; i < 10; i++) {
            hash = production.hash(("wachtwoord " + i).toCharArray());
        }
        double millis = (System.nanoTime() - start) / 10 / 1e6;
        System.out.printf("Argon2id m=19 MiB, t=2, p=1: %.0f ms per hash (%.1f logins/s per core)%n", millis, 1000 / millis);

        assertThat(production.verify("wachtwoord 9".toCharArray(), hash)).isTrue();
    }

    @Test
    void aHashWithWeakerParametersVerifiesAndAsksToBeUpgraded() {
        PasswordHasher old = new PasswordHasher(new PasswordHasher.Parameters(8 * 1024, 1, 1));
        String weak = old.hash("een oud wachtwoord".toCharArray());

        assertThat(production.verify("een oud wachtwoord".toCharArray(), weak)).isTrue();
        assertThat(production.needsRehash(weak)).isTrue();
        assertThat(production.needsRehash(production.hash("nieuw".toCharArray()))).isFalse();
    }

    @Test
    void theBundledListHoldsTheTenThousandMostCommonPasswords() {
        PasswordPolicy policy = PasswordPolicy.standard();

        // 10,000 lines of SecLists' list, 9,913 once compared case-insensitively.
        assertThat(policy.commonPasswordCount()).isGreaterThan(9_900);
        assertThat(policy.refusal("Dragon123")).isEmpty();
        assertThat(policy.refusal("qwertyuiop")).isPresent();
        assertThat(policy.refusal("iloveyou")).isPresent();
    }
}
