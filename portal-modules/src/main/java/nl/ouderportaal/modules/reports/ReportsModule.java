package nl.ouderportaal.modules.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Reports (Rapporten): only reports the school locked, one section each (anchored by the report's id, so
 * that the portal can print it as a PDF); newly locked reports as dashboard updates.
 */
public final class ReportsModule implements ContentModule<NoOptions> {

    public static final String ID = "reports";
    static final int DASHBOARD_DAYS = 30;

    private static final ModuleDescriptor<NoOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NoOptions.class, NoOptions.INSTANCE)
            .name("Rapporten", "Reports")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(ReportSource.class)
            .build();

    @Override
    public ModuleDescriptor<NoOptions> descriptor() {
        return DESCRIPTOR;
    }

    /** The module's visibility rule: locked reports only, newest first. */
    public static List<Report> visible(List<Report> reports) {
        return reports.stream().filter(Report::locked)
                .sorted(Comparator.comparing(Report::date).thenComparing(Report::id).reversed()).toList();
    }

    /** The section of one report; the same for the page and its PDF. */
    public static Section section(Report report) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(List.of(Views.field("Datum", "Date", Value.day(report.date())))));
        for (Report.Part part : report.parts()) {
            blocks.add(new Block.Table(List.of(LocalizedText.of(part.title(), part.title()), Views.text("Beoordeling", "Mark")),
                    part.lines().stream().map(l -> List.of(Value.text(l.label()), Value.text(l.mark()))).toList(),
                    Views.text("Geen beoordelingen.", "No marks.")));
        }
        if (report.remark() != null && !report.remark().isBlank()) {
            blocks.add(new Block.Fields(List.of(Views.field("Opmerking van de leerkracht", "Teacher's remark",
                    Value.text(report.remark())))));
        }
        return new Section(report.id(), LocalizedText.of(report.title(), report.title()), blocks);
    }

    @Override
    public List<Section> childPage(ChildContext<NoOptions> context) {
        List<Report> reports = reports(context);
        List<Block> blocks = new ArrayList<>();
        if (reports.isEmpty()) {
            blocks.add(new Block.Paragraph(Value.localized(Views.noneInYear("rapporten", "reports", context.schoolYear()))));
        } else {
            blocks.add(new Block.Table(List.of(Views.text("Rapport", "Report"), Views.text("Datum", "Date")),
                    reports.stream().map(r -> List.of(Value.text(r.title()), Value.day(r.date()))).toList(),
                    Views.text("Geen rapporten.", "No reports.")));
            blocks.add(new Block.Notice(Views.text("Op een klein scherm leest een rapport het best als pdf.",
                    "On a small screen a report reads best as a PDF.")));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(DESCRIPTOR.name(), blocks));
        reports.stream().map(ReportsModule::section).forEach(sections::add);
        return sections;
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<NoOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return reports(context).stream()
                .filter(r -> !r.date().isBefore(since) && !r.date().isAfter(context.today()))
                .map(r -> new DashboardEntry(ID, context.child().id(), r.date(),
                        LocalizedText.of("Nieuw rapport: " + r.title(), "New report: " + r.title()), null))
                .toList();
    }

    @Override
    public boolean isItemVisible(ChildContext<NoOptions> context, String reportId) {
        return reports(context).stream().anyMatch(r -> r.id().equals(reportId));
    }

    private static List<Report> reports(ChildContext<NoOptions> context) {
        return visible(context.source(ReportSource.class).reports(context.child().id(), context.schoolYear()).stream()
                .filter(r -> r.student().equals(context.child().id())).toList());
    }
}
