package nl.ouderportaal.core.news;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.spi.GroupId;

/**
 * A news message as an administrator writes it (Beheer &gt; Ouderportaal &gt; Nieuwsberichten). Subject,
 * date and text are required; publish-from must not be after publish-until (R-NEWS-1). An empty group
 * set means all groups (R-NEWS-2).
 *
 * @param subject required, at most 200 characters
 * @param date the date shown with the message
 * @param text simple formatting allowed; sanitised before it is stored
 * @param publishFrom first day shown
 * @param publishUntil last day shown (inclusive)
 * @param groups the target groups; empty for all
 */
public record NewsCommand(
        @NotBlank(message = "{nl.ouderportaal.news.subject}") @Size(max = 200, message = "{nl.ouderportaal.Size.max}") String subject,
        @NotNull(message = "{nl.ouderportaal.news.date}") LocalDate date,
        @NotBlank(message = "{nl.ouderportaal.news.text}") @Size(max = 50_000, message = "{nl.ouderportaal.Size.max}") String text,
        @NotNull(message = "{nl.ouderportaal.news.publishFrom}") LocalDate publishFrom,
        @NotNull(message = "{nl.ouderportaal.news.publishUntil}") LocalDate publishUntil,
        @NotNull Set<GroupId> groups) {

    public NewsCommand {
        subject = subject == null ? null : subject.strip();
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** R-NEWS-1: the period may be one day, never negative. */
    @AssertTrue(message = "{nl.ouderportaal.news.period}")
    public boolean isPublishPeriodValid() {
        return publishFrom == null || publishUntil == null || !publishFrom.isAfter(publishUntil);
    }
}
