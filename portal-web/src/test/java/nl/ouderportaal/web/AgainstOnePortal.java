package nl.ouderportaal.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes that share one served portal: started before the class's first test, stopped after its last. */
abstract class AgainstOnePortal {

    static WebFixture f;

    @BeforeAll
    static void startPortal() {
        f = new WebFixture();
    }

    @AfterAll
    static void stopPortal() {
        f.close();
    }
}
