package nl.ouderportaal.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.account.PasswordHasher;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSize;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B5: logins per second on one thread (so per core) with the production Argon2id parameters, against raw
 * Argon2id hashes per second with the same parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@Fork(1)
public class LoginBenchmark {

    private DemoSchool demo;
    private Argon2Parameters rawParameters;
    private int hashBytes;
    private final byte[] password = BenchmarkWorlds.BENCHMARK_PASSWORD.getBytes(StandardCharsets.UTF_8);

    @Setup(Level.Trial)
    public void open() {
        demo = BenchmarkWorlds.openCopy(DemoSize.SMALL, "login");
        if (!(login() instanceof LoginResult.Success)) {
            throw new IllegalStateException("The benchmark guardian cannot log in");
        }
        PasswordHasher.Parameters production = PasswordHasher.PRODUCTION;
        // Salt and hash lengths as the portal stores them, read from one of its own hashes.
        String[] phc = new PasswordHasher(production).hash("sample".toCharArray()).split("\\$");
        byte[] salt = new byte[Base64.getDecoder().decode(phc[4]).length];
        new SecureRandom().nextBytes(salt);
        hashBytes = Base64.getDecoder().decode(phc[5]).length;
        rawParameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(production.memoryKiB())
                .withIterations(production.iterations())
                .withParallelism(production.parallelism())
                .withSalt(salt)
                .build();
    }

    @TearDown(Level.Trial)
    public void close() {
        demo.close();
    }

    @Benchmark
    public LoginResult portal() {
        return login();
    }

    @Benchmark
    public byte[] floor() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(rawParameters);
        byte[] hash = new byte[hashBytes];
        generator.generateBytes(password, hash);
        return hash;
    }

    private LoginResult login() {
        return demo.portal().authentication().login(DemoSchoolGenerator.BENCHMARK_EMAIL, BenchmarkWorlds.BENCHMARK_PASSWORD);
    }
}
