package nl.ouderportaal.examples.homework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The homework module's options, set per school by its administrator.
 *
 * @param dashboardDaysAhead how many days ahead the dashboard shows homework that is due (1-14)
 */
public record HomeworkOptions(@Min(1) @Max(14) int dashboardDaysAhead) {

    public static final HomeworkOptions DEFAULTS = new HomeworkOptions(7);
}
