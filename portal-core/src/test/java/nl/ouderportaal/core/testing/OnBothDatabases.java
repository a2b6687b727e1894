package nl.ouderportaal.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a store test on H2 and on PostgreSQL; the test takes {@code (String name, Supplier<PortalStore> store)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@MethodSource("nl.ouderportaal.core.testing.TestDatabases#both")
public @interface OnBothDatabases {
}
