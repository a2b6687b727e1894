package nl.ouderportaal.core.account;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so that parameters can be raised later and old
 * hashes recognised and upgraded at the next login. Thread-safe.
 *
 * <p>Each hash takes 19 MiB and most of a core for tens of milliseconds, and logins come unauthenticated:
 * at most as many hashes run at once as there are cores; one that does not get its turn within a short
 * wait is refused with {@link TooBusyException}, so a flood of logins can neither exhaust the memory nor
 * queue without end.
 */
public final class PasswordHasher {

    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Parameters PRODUCTION = new Parameters(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Parameters parameters;
    private final java.util.concurrent.Semaphore permits;
    private final java.time.Duration wait;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    /**
     * The cost of one hash.
     *
     * @param memoryKiB memory in KiB
     * @param iterations passes over the memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {
        public Parameters {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Invalid Argon2id parameters");
            }
        }
    }

    public PasswordHasher(Parameters parameters) {
        this(parameters, Runtime.getRuntime().availableProcessors(), java.time.Duration.ofSeconds(2));
    }

    /**
     * @param concurrent how many hashes may run at once
     * @param wait how long a hash waits for its turn before it is refused with {@link TooBusyException}
     */
    public PasswordHasher(Parameters parameters, int concurrent, java.time.Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("At least one hash must be able to run");
        }
        this.permits = new java.util.concurrent.Semaphore(concurrent, true);
        this.wait = Objects.requireNonNull(wait, "wait");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.dummyHash = hash("not a password of anyone".toCharArray());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether the password matches the stored hash; {@code false} for a hash in an unknown format. */
    public boolean verify(char[] password, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        Parameters stored = new Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] salt = DECODER.decode(m.group(4));
        byte[] expected = DECODER.decode(m.group(5));
        byte[] actual = derive(password, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the time of one verification without a stored hash, so that an unknown account answers as
     * slowly as a known one.
     */
    public void verifyDummy(char[] password) {
        verify(password, dummyHash);
    }

    /** Whether a stored hash was made with other parameters than the current ones. */
    public boolean needsRehash(String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) != parameters.memoryKiB()
                || Integer.parseInt(m.group(2)) != parameters.iterations()
                || Integer.parseInt(m.group(3)) != parameters.parallelism();
    }

    private byte[] derive(char[] password, byte[] salt, Parameters p, int length) {
        boolean turn;
        try {
            turn = permits.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new TooBusyException(java.time.Duration.ofSeconds(Math.max(1, wait.toSeconds())));
        }
        try {
            return argon2(password, salt, p, length);
        } finally {
            permits.release();
        }
    }

    private static byte[] argon2(char[] password, byte[] salt, Parameters p, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] utf8 = toUtf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(utf8, out);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return out;
    }

    private static byte[] toUtf8(char[] password) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
