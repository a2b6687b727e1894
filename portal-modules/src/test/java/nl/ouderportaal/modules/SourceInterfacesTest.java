package nl.ouderportaal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.ouderportaal.spi.module.ContentModule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Host source interfaces")
class SourceInterfacesTest {

    @Test
    void oneHostClassCanImplementEverySourceTheBuiltInModulesNeed() {
        List<String> signatures = new ArrayList<>();
        for (ContentModule<?> module : BuiltInModules.all()) {
            for (Class<?> source : module.descriptor().requiredSources()) {
                for (Method method : source.getMethods()) {
                    if (!method.isDefault()) {
                        signatures.add(source.getSimpleName() + ":" + method.getName()
                                + Arrays.toString(method.getParameterTypes()));
                    }
                }
            }
        }
        // The same name and parameters in two interfaces with other return types could not be implemented together.
        var byMethod = signatures.stream().distinct()
                .collect(Collectors.groupingBy(s -> s.substring(s.indexOf(':') + 1)));
        assertThat(byMethod.values()).allSatisfy(owners -> assertThat(owners).hasSize(1));
        assertThat(BuiltInModules.all()).hasSize(11);
    }
}
