package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's main command")
class DemoSchoolMainTest {

    @Test
    @DisplayName("12. listens on loopback only unless PORTAL_HOST says otherwise: its logins are fixed and its mailbox open")
    void listensOnLoopbackByDefault() {
        assertThat(DemoSchoolMain.listenHost(Map.of())).isEqualTo("127.0.0.1");
        assertThat(DemoSchoolMain.listenHost(Map.of("PORTAL_HOST", " "))).isEqualTo("127.0.0.1");
        assertThat(DemoSchoolMain.listenHost(Map.of("PORTAL_HOST", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }
}
