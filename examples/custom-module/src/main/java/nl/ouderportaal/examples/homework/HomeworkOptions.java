package nl.ouderportaal.examples.homework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The homework module's options per school: how many days ahead (1-14) the dashboard shows what is due. */
public record HomeworkOptions(@Min(1) @Max(14) int dashboardDaysAhead) {
    public static final HomeworkOptions DEFAULTS = new HomeworkOptions(7);
}
