package nl.ouderportaal.core.guardian;

import java.util.List;
import java.util.Set;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.DashboardEntry;

/**
 * A guardian's dashboard (R-POR-1).
 *
 * @param welcomes the welcome text per school of a visible child (R-SET-5)
 * @param entries newest first, filtered to one kind when asked
 * @param kinds every kind present before filtering, for the category filter, in alphabetical order
 */
public record Dashboard(List<LocalizedText> welcomes, List<DashboardEntry> entries, Set<String> kinds) {

    public Dashboard {
        welcomes = List.copyOf(welcomes);
        entries = List.copyOf(entries);
        // Sorted, so that the same dashboard always serialises to the same JSON.
        kinds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(kinds));
    }
}
