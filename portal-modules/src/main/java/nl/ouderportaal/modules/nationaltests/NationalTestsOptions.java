package nl.ouderportaal.modules.nationaltests;

import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The national tests module's options (R-MOD-4): per test family, which presentation guardians see.
 *
 * @param presentations per family name (upper case, e.g. "IEP", "CITO"); a family not listed uses
 *     {@code fallback}
 * @param fallback the presentation of every other family
 */
public record NationalTestsOptions(@NotNull Map<String, Presentation> presentations, @NotNull Presentation fallback) {

    public static final NationalTestsOptions DEFAULTS = new NationalTestsOptions(
            Map.of("IEP", Presentation.LEVEL, "CITO", Presentation.LEVEL), Presentation.LEVEL);

    public NationalTestsOptions {
        if (presentations != null) {
            Map<String, Presentation> normalised = new TreeMap<>();
            presentations.forEach((family, p) -> normalised.put(family.toUpperCase(Locale.ROOT), p));
            presentations = Map.copyOf(normalised);
        }
    }

    public Presentation presentationOf(String family) {
        return presentations.getOrDefault(family.toUpperCase(Locale.ROOT), fallback);
    }
}
