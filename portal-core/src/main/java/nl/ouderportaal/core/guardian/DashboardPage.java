package nl.ouderportaal.core.guardian;

import java.util.List;
import java.util.Objects;

/**
 * What a guardian's dashboard page shows, decided over one reading of the facts
 * ({@link GuardianPortal#dashboardPage}).
 *
 * @param home the menu's children and the maintenance notices, as {@link GuardianPortal#home} gives them
 * @param dashboard the dashboard, as {@link GuardianPortal#dashboard} gives it
 * @param news the news the viewer may read today, as {@link GuardianPortal#news} gives it
 */
public record DashboardPage(GuardianHome home, Dashboard dashboard, List<NewsItem> news) {

    public DashboardPage {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dashboard, "dashboard");
        news = List.copyOf(news);
    }
}
