package nl.ouderportaal.modules.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The plans module's options (R-MOD-4).
 *
 * @param startDate plans starting before it are never shown; {@code null} for no limit
 * @param problemStatementLabel the school's word for the first part of a plan, e.g. "Beginsituatie"
 */
public record PlansOptions(LocalDate startDate,
                           @NotBlank @Size(max = 60) String problemStatementLabel) {

    public static final PlansOptions DEFAULTS = new PlansOptions(null, "Probleemstelling");
}
