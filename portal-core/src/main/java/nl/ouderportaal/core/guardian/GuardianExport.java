package nl.ouderportaal.core.guardian;

import java.time.Instant;
import java.util.List;

/**
 * Everything the portal shows about a guardian and their visible children, for the guardian to download
 * (R-BEYOND-6, AVG right of access).
 *
 * @param generatedAt when it was made
 * @param profile the guardian's own data and account
 * @param home the children and notices
 * @param dashboard the dashboard
 * @param news the news the guardian can read
 * @param childPages per visible child: the About page and every module page in every year the guardian may see
 * @param schoolPages the School page of every school of a visible child
 */
public record GuardianExport(Instant generatedAt, Profile profile, GuardianHome home, Dashboard dashboard,
                             List<NewsItem> news, List<ChildPage> childPages, List<SchoolPage> schoolPages) {

    public GuardianExport {
        news = List.copyOf(news);
        childPages = List.copyOf(childPages);
        schoolPages = List.copyOf(schoolPages);
    }
}
