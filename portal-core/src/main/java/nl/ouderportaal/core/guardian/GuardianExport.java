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
 * @param records what the guardian's actions stored in modules' records (reports, answers, bookings), R-ACT-4
 */
public record GuardianExport(Instant generatedAt, Profile profile, GuardianHome home, Dashboard dashboard,
                             List<NewsItem> news, List<ChildPage> childPages, List<SchoolPage> schoolPages,
                             List<Record> records) {

    public GuardianExport {
        news = List.copyOf(news);
        childPages = List.copyOf(childPages);
        schoolPages = List.copyOf(schoolPages);
        records = List.copyOf(records);
    }

    /**
     * One module record of the guardian's, as stored.
     *
     * @param module the module
     * @param kind the record's kind
     * @param school its school
     * @param child the child it is about, or {@code null}
     * @param createdAt when it was added
     * @param updatedAt when it last changed
     * @param value the module's value, as JSON
     */
    public record Record(String module, String kind, String school, String child, Instant createdAt, Instant updatedAt,
                         com.fasterxml.jackson.databind.JsonNode value) {
    }
}
