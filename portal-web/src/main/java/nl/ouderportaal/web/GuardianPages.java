package nl.ouderportaal.web;

import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.core.action.OfferedAction;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.guardian.ChildPage;
import nl.ouderportaal.core.guardian.DashboardPage;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.ModuleLink;
import nl.ouderportaal.core.guardian.Profile;
import nl.ouderportaal.core.guardian.SchoolPage;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.guardian.VisibleChild;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.module.CorrectableField;

/**
 * The guardian's pages after login: dashboard, a page per child and module (with the earlier-year
 * switch), report PDFs, replies to notes, change requests, profile and school. Every per-child URL asks
 * the core whether this viewer may see that child; anything else answers the same 404 as an unknown id.
 */
final class GuardianPages {

    private final Web web;

    GuardianPages(Web web) {
        this.web = web;
    }

    void register(RoutesConfig routes) {
        routes.get("/dashboard", this::dashboard);
        routes.get("/children/{child}/about", this::about);
        // The address of round 1's correction form; the form is now the About page's action "correct".
        routes.get("/children/{child}/corrections", ctx -> ctx.redirect("/children/" + child(ctx).student().id().value()
                + "/" + GuardianActions.ABOUT + "/actions/correct"));
        routes.get("/children/{child}/{module}", this::modulePage);
        routes.get("/children/{child}/{module}/pdf/{anchor}", this::sectionPdf);
        routes.get("/profile", ctx -> profile(ctx, statusText(ctx)));
        routes.post("/profile/notifications", this::notifications);
        routes.post("/profile/password", this::changePassword);
        routes.get("/profile/corrections", ctx -> ctx.redirect("/profile/" + GuardianActions.PROFILE + "/actions/correct"));
        routes.get("/profile/export.json", ctx -> {
            requireSession(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"ouderportaal-gegevens.json\"")
                    .contentType("application/json").result(web.portal.dataExports().json(web.portal.authentication().writePermit(web.sessionToken(ctx))));
        });
        routes.get("/profile/export.pdf", ctx -> {
            requireSession(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"ouderportaal-gegevens.pdf\"")
                    .contentType("application/pdf")
                    .result(web.portal.dataExports().pdf(web.portal.authentication().writePermit(web.sessionToken(ctx)),
                            web.locale(ctx)));
        });
        routes.get("/school", this::school);
        routes.get("/school/{school}/image", this::schoolImage);
    }

    Session requireSession(Context ctx) {
        return web.session(ctx).orElseThrow(LoginRequired::new);
    }

    private void dashboard(Context ctx) {
        Viewer viewer = Viewer.of(requireSession(ctx));
        String kind = Optional.ofNullable(ctx.queryParam("kind")).filter(k -> k.matches("[a-z-]{1,40}")).orElse(null);
        DashboardPage page = web.dashboardPage(ctx, viewer, Optional.ofNullable(kind));
        GuardianHome home = page.home();
        Map<String, String> names = new LinkedHashMap<>();
        home.children().forEach(c -> names.put(c.student().id().value(), c.student().name().displayName()));
        // One image per distinct picture: two schools without an image of their own share the default one.
        Map<Integer, String> images = new LinkedHashMap<>();
        home.children().stream().map(c -> c.school().id()).distinct().forEach(school -> web.portal.guardians()
                .dashboardImage(viewer, school).ifPresent(image -> images.putIfAbsent(java.util.Arrays.hashCode(image), school.value())));
        List<String> imageSchools = List.copyOf(images.values());
        web.render(ctx, "dashboard.jte", "dashboard", page.dashboard(),
                "kind", kind == null ? "" : kind, "childNames", names, "news", page.news(),
                "imageSchools", imageSchools, "kindNames", kindNames(ctx), "actions", viewer.isImpersonation() ? Map.of() : web.portal.actions().forDashboard(viewer));
    }

    /** What the dashboard calls each kind of entry: a module by its own name, activities and news by the bundle's. */
    private Map<String, String> kindNames(Context ctx) {
        Map<String, String> names = new LinkedHashMap<>();
        web.portal.installedModules().forEach(d -> names.put(d.id(), web.text(ctx, d.name())));
        names.put(GuardianPortal.ACTIVITIES, web.ui(ctx).t("dashboard.kind.activities"));
        names.put(GuardianPortal.NEWS, web.ui(ctx).t("dashboard.kind.news"));
        return names;
    }

    /** The visible child with this id, or the same 404 for an unknown id and another family's child. */
    VisibleChild child(Context ctx) {
        requireSession(ctx);
        String id = ctx.pathParam("child");
        return web.home(ctx).orElseThrow().children().stream()
                .filter(c -> c.student().id().value().equals(id))
                .findFirst().orElseThrow(NotFound::new);
    }

    static StudentId studentId(String value) {
        try {
            return StudentId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private void about(Context ctx) {
        onlyCurrentSchoolYear(ctx, false);
        showChildPage(ctx, child(ctx), GuardianActions.ABOUT, statusText(ctx));
    }

    private void modulePage(Context ctx) {
        VisibleChild child = child(ctx);
        String moduleId = ctx.pathParam("module");
        ModuleLink module = child.modules().stream().filter(m -> m.moduleId().equals(moduleId)).findFirst()
                .orElseThrow(NotFound::new);
        onlyCurrentSchoolYear(ctx, module.earlierSchoolYears());
        showChildPage(ctx, child, moduleId, statusText(ctx));
    }

    /** A child's About page or module page, with the module's actions as buttons and forms under their items. */
    void showChildPage(Context ctx, VisibleChild child, String moduleId, String status) {
        Viewer viewer = Viewer.of(requireSession(ctx));
        boolean about = moduleId.equals(GuardianActions.ABOUT);
        String title;
        ChildPage page;
        if (about) {
            title = web.ui(ctx).t("nav.about");
            page = web.portal.guardians().aboutChild(viewer, child.student().id()).orElseThrow(NotFound::new);
        } else {
            ModuleLink module = child.modules().stream().filter(m -> m.moduleId().equals(moduleId)).findFirst()
                    .orElseThrow(NotFound::new);
            title = web.text(ctx, module.name());
            page = web.portal.guardians().modulePage(viewer, child.student().id(), moduleId, schoolYear(ctx))
                    .orElseThrow(NotFound::new);
        }
        List<OfferedAction> offered = web.portal.actions().forChild(viewer, child.student().id()).orElse(List.of());
        web.render(ctx, "child.jte", "childName", child.student().name().displayName(),
                "childId", child.student().id().value(), "title", title, "page", page, "pdf", !about,
                "pageActions", ActionRoutes.pageActions(offered, moduleId),
                "itemActions", ActionRoutes.itemActions(offered, moduleId, viewer.isImpersonation()),
                "status", status);
    }

    static final nl.ouderportaal.spi.LocalizedText NO_EARLIER_YEARS = nl.ouderportaal.spi.LocalizedText.of(
            "Deze pagina toont alleen het huidige schooljaar. Laat de parameter schoolYear weg.",
            "This page shows the current school year only. Leave out the parameter schoolYear.");

    /**
     * A page without earlier school years (about the child, a module without them) refuses the parameter
     * {@code schoolYear} with 400 naming it, the same for every such page (issue 19).
     */
    static void onlyCurrentSchoolYear(Context ctx, boolean pageHasEarlierYears) {
        String year = ctx.queryParam("schoolYear");
        if (!pageHasEarlierYears && year != null && !year.isBlank()) {
            throw PortalValidationException.of("schoolYear", NO_EARLIER_YEARS.nl(), NO_EARLIER_YEARS.en());
        }
    }

    static Optional<SchoolYear> schoolYear(Context ctx) {
        String year = ctx.queryParam("schoolYear");
        if (year == null || year.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SchoolYear.parse(year));
        } catch (RuntimeException e) {
            throw PortalValidationException.of("schoolYear", WebTexts.BAD_SCHOOL_YEAR.nl(), WebTexts.BAD_SCHOOL_YEAR.en());
        }
    }

    private void sectionPdf(Context ctx) {
        VisibleChild child = child(ctx);
        String anchor = ctx.pathParam("anchor");
        if (!anchor.endsWith(".pdf")) {
            throw new NotFound();
        }
        anchor = anchor.substring(0, anchor.length() - 4);
        byte[] pdf = web.portal.guardians().sectionPdf(Viewer.of(requireSession(ctx)), child.student().id(),
                ctx.pathParam("module"), schoolYear(ctx), anchor, web.locale(ctx)).orElseThrow(NotFound::new);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("module") + "-"
                        + anchor.replaceAll("[^A-Za-z0-9_.-]", "_") + ".pdf\"")
                .contentType("application/pdf").result(pdf);
    }

    private void profile(Context ctx, String status) {
        showProfile(ctx, status);
    }

    /** The profile page, with the guardian's own actions (corrections of their data). */
    void showProfile(Context ctx, String status) {
        Viewer viewer = Viewer.of(requireSession(ctx));
        Profile profile = web.portal.guardians().profile(viewer).orElseThrow(NotFound::new);
        web.render(ctx, "profile.jte", "profile", profile, "status", status,
                "actions", web.portal.actions().forGuardian(viewer), "pageNames", pageNames(ctx, profile));
    }

    /**
     * The pages an impersonation viewed, as the guardian reads them: "Over mijn kind (Sanne)", "Notities (Sanne)"
     * rather than the audit's labels; a label of a child or module no longer visible stays as it is.
     */
    private Map<String, String> pageNames(Context ctx, Profile profile) {
        Ui ui = web.ui(ctx);
        Map<String, String> children = new java.util.HashMap<>();
        Map<String, String> modules = new java.util.HashMap<>();
        web.home(ctx).ifPresent(home -> home.children().forEach(child -> {
            children.put(child.student().id().value(), child.student().name().displayName());
            child.modules().forEach(m -> modules.put(m.moduleId(), ui.text(m.name())));
        }));
        Map<String, String> names = new java.util.HashMap<>();
        profile.impersonations().forEach(visit -> visit.viewed().forEach(label -> names.computeIfAbsent(label, l -> {
            String[] parts = l.split(":");
            String child = parts.length > 1 ? children.getOrDefault(parts[parts.length > 2 ? 2 : 1], null) : null;
            return switch (parts[0]) {
                case "dashboard" -> ui.t("nav.dashboard");
                case "profile" -> ui.t("nav.profile");
                case "news" -> ui.t("dashboard.news");
                case "school" -> ui.t("nav.school");
                case "about" -> child == null ? l : ui.t("nav.about") + " (" + child + ")";
                case "module", "corrections" -> child == null || parts.length < 3 ? l
                        : modules.getOrDefault(parts[1], parts[1]) + " (" + child + ")"
                                + (parts.length > 3 ? " " + parts[3] : "");
                default -> l;
            };
        })));
        return names;
    }

    private void notifications(Context ctx) {
        requireSession(ctx);
        web.portal.notifications().setEnabled(web.portal.authentication().writePermit(web.sessionToken(ctx)),
                "true".equals(ctx.formParam("enabled")));
        ctx.redirect("/profile?done=notifications");
    }

    private void changePassword(Context ctx) {
        requireSession(ctx);
        try {
            web.portal.authentication().changePassword(web.portal.authentication().writePermit(web.sessionToken(ctx)),
                    AccountPages.bounded(ctx.formParam("current"), 1024), AccountPages.bounded(ctx.formParam("password"), 1024));
        } catch (PortalValidationException e) {
            ctx.status(400);
            Profile profile = web.portal.guardians().profile(Viewer.of(requireSession(ctx))).orElseThrow(NotFound::new);
            web.render(ctx, "profile.jte", "ui", web.ui(ctx).withErrors(Api.fields(e, web.locale(ctx))),
                    "profile", profile, "status", null, "actions", web.portal.actions().forGuardian(Viewer.of(requireSession(ctx))),
                    "pageNames", pageNames(ctx, profile));
            return;
        }
        ctx.redirect("/profile?done=password");
    }

    /** The confirmation after a successful post (post/redirect/get), from a fixed list of outcomes. */
    private String statusText(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null || !done.matches("reply|corrections|notifications|password")) {
            return null;
        }
        return web.ui(ctx).t("done." + done);
    }

    private void school(Context ctx) {
        Viewer viewer = Viewer.of(requireSession(ctx));
        List<SchoolPage> pages = web.home(ctx).orElseThrow().children().stream().map(c -> c.school().id()).distinct()
                .map(school -> web.portal.guardians().schoolPage(viewer, school))
                .flatMap(Optional::stream).toList();
        web.render(ctx, "school.jte", "schools", pages);
    }

    private void schoolImage(Context ctx) {
        Viewer viewer = Viewer.of(requireSession(ctx));
        SchoolId school;
        try {
            school = SchoolId.of(ctx.pathParam("school"));
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        byte[] image = web.portal.guardians().dashboardImage(viewer, school).orElseThrow(NotFound::new);
        ctx.contentType(imageType(image)).result(image);
    }

    static String imageType(byte[] image) {
        if (image.length > 3 && (image[0] & 0xff) == 0x89 && image[1] == 'P') {
            return "image/png";
        }
        if (image.length > 2 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        return "image/gif";
    }

    static final String ABOUT = GuardianPortal.ABOUT;

    static final nl.ouderportaal.spi.LocalizedText NOT_REACHED = nl.ouderportaal.spi.LocalizedText.of(
            "Deze school kan nog geen wijzigingen ontvangen via het Ouderportaal; geef uw wijziging daar zelf door:",
            "This school cannot receive changes through the parent portal yet; please tell it yourself:");

    /** The name of a school of the guardian's children, as the home shows it. */
    static String schoolName(Web web, Context ctx, SchoolId school) {
        return web.home(ctx).orElseThrow().children().stream().map(VisibleChild::school)
                .filter(s -> s.id().equals(school)).map(s -> s.name()).findFirst().orElse(school.value());
    }
}
