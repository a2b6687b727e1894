package nl.ouderportaal.spi.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.ouderportaal.spi.host.StudentSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A module descriptor")
class ModuleDescriptorTest {

    @Test
    void describesAModuleWithItsSources() {
        ModuleDescriptor<NoOptions> descriptor = ModuleDescriptor.builder("my-module", NoOptions.class, NoOptions.INSTANCE)
                .name("Mijn module", "My module").dashboard(true).requires(StudentSource.class).build();

        assertThat(descriptor.placement()).isEqualTo(Placement.CHILD_MENU);
        assertThat(descriptor.requiredSources()).containsExactly(StudentSource.class);
        assertThat(descriptor.dashboardCapable()).isTrue();
        assertThat(descriptor.earlierSchoolYears()).isFalse();
    }

    @Test
    void refusesIdsThatCannotBeStoredStably() {
        assertThatThrownBy(() -> ModuleDescriptor.builder("Absences", NoOptions.class, NoOptions.INSTANCE).name("a", "a").build())
                .hasMessageContaining("lower case");
        assertThatThrownBy(() -> ModuleDescriptor.builder("a", NoOptions.class, NoOptions.INSTANCE).name("a", "a").build())
                .hasMessageContaining("2-40");
    }

    @Test
    void refusesASourceThatIsNotAnInterface() {
        assertThatThrownBy(() -> ModuleDescriptor.builder("x1", NoOptions.class, NoOptions.INSTANCE).name("x", "x")
                .requires(String.class).build()).hasMessageContaining("not an interface");
    }

    @Test
    void aDescriptorWithoutANameFailsSayingHowToGiveOne() {
        assertThatThrownBy(() -> ModuleDescriptor.builder("x1", NoOptions.class, NoOptions.INSTANCE).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Module 'x1' has no name: give it one with ModuleDescriptor.builder(...).name(\"Dutch name\", \"English name\")");
    }
}
