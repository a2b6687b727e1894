package nl.ouderportaal.demo;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.web.PortalWeb;

/**
 * The demo's control page (issue 19, item 27): the demo as a test host. A tester moves the demo's clock,
 * locks or unlocks a report, and adds a note or an absence in the demo SIS, so that every rule of the seed (an
 * unlocked report, a cut-off time, a publication window) can be reached without editing data. HTML at
 * {@code /demo/control}, JSON at {@code /demo/control.json} and the {@code POST /demo/control/...} routes
 * (a form or a JSON body; JSON answers JSON, a form is sent back to the page). Only from the loopback address,
 * under the portal's CSRF check like every change. Demo only, never in the library.
 */
public final class DemoControl {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final java.time.format.DateTimeFormatter READABLE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss", java.util.Locale.forLanguageTag("nl"));
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private final DemoSchool demo;
    private final DemoClock clock;
    private final TemplateEngine templates;

    DemoControl(DemoSchool demo, DemoClock clock, TemplateEngine templates) {
        this.demo = demo;
        this.clock = clock;
        this.templates = templates;
    }

    void register(JavalinConfig config) {
        config.routes.get("/demo/control", loopbackOnly(ctx -> page(ctx, null, null)));
        config.routes.get("/demo/control.json", loopbackOnly(ctx -> ctx.json(state())));
        config.routes.post("/demo/control/clock", loopbackOnly(ctx -> change(ctx, "clock", () -> moveClock(input(ctx)))));
        config.routes.post("/demo/control/clock/reset", loopbackOnly(ctx -> change(ctx, "clock", clock::reset)));
        config.routes.post("/demo/control/reports/{id}/lock", loopbackOnly(ctx -> change(ctx, "report",
                () -> lock(ctx.pathParam("id"), input(ctx)))));
        config.routes.post("/demo/control/notes", loopbackOnly(ctx -> change(ctx, "note", () -> addNote(input(ctx)))));
        config.routes.post("/demo/control/absences", loopbackOnly(ctx -> change(ctx, "absence", () -> addAbsence(input(ctx)))));
    }

    /** Whether a request's peer is this machine: the control changes the demo's data and time for everyone. */
    static boolean isLoopback(String remoteAddress) {
        try {
            // The servlet's remote address is a literal IP, so this looks nothing up.
            return remoteAddress != null && !remoteAddress.isBlank() && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Handler loopbackOnly(Handler handler) {
        return ctx -> {
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                ctx.status(403).json(Map.of("error", "forbidden",
                        "message", "De demo-bediening werkt alleen vanaf deze computer. / The demo control works from this machine only."));
                return;
            }
            handler.handle(ctx);
        };
    }

    /** A refused control: 400 (or 404 for an unknown pupil or report), and nothing changed. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void change(Context ctx, String what, Runnable change) {
        try {
            change.run();
        } catch (Refused refused) {
            if (json(ctx)) {
                ctx.status(refused.status).json(Map.of("error", refused.status == 404 ? "not-found" : "invalid",
                        "message", refused.getMessage()));
            } else {
                ctx.status(refused.status);
                page(ctx, null, refused.getMessage());
            }
            return;
        }
        if (json(ctx)) {
            ctx.json(state());
        } else {
            ctx.redirect("/demo/control?done=" + what);
        }
    }

    private static boolean json(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static Map<String, String> input(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json(ctx)) {
            Map<?, ?> body;
            try {
                body = ctx.bodyAsClass(Map.class);
            } catch (RuntimeException e) {
                throw new Refused(400, "Geen geldige JSON. / Not valid JSON.");
            }
            body.forEach((key, value) -> values.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            ctx.formParamMap().forEach((key, list) -> values.put(key, list.isEmpty() ? null : list.get(0)));
        }
        return values;
    }

    private void moveClock(Map<String, String> input) {
        long days = number(input, "days", 400);
        long hours = number(input, "hours", 24 * 400);
        long minutes = number(input, "minutes", 60 * 24 * 400);
        if (days == 0 && hours == 0 && minutes == 0) {
            throw new Refused(400, "Geef dagen, uren of minuten op. / Give days, hours or minutes.");
        }
        try {
            clock.move(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "De klok gaat hooguit " + DemoClock.MAX_OFFSET.toDays() + " dagen vooruit of terug. / The clock moves at most "
                    + DemoClock.MAX_OFFSET.toDays() + " days either way.");
        }
    }

    private void lock(String reportId, Map<String, String> input) {
        String locked = input.get("locked");
        if (!"true".equals(locked) && !"false".equals(locked)) {
            throw new Refused(400, "locked moet true of false zijn. / locked must be true or false.");
        }
        if (!demo.sis().setReportLocked(reportId, Boolean.parseBoolean(locked))) {
            throw new Refused(404, "Onbekend rapport. / Unknown report.");
        }
    }

    private void addNote(Map<String, String> input) {
        StudentId student = student(input);
        LocalDate date = date(input, "date", today());
        String subject = text(input, "subject", 200, true);
        String body = text(input, "text", 4000, true);
        String category = text(input, "category", 100, false);
        demo.sis().addNote(student, date, category == null ? "Algemeen" : category,
                !"false".equals(input.get("categoryPublished")), subject, body, "Demo-bediening");
    }

    private void addAbsence(Map<String, String> input) {
        StudentId student = student(input);
        LocalDate from = date(input, "from", today());
        LocalDate until = date(input, "until", from);
        if (until.isBefore(from)) {
            throw new Refused(400, "De einddatum ligt voor de begindatum. / The end date is before the start date.");
        }
        String reason = text(input, "reason", 200, true);
        demo.sis().addAbsence(student, from, until, reason, !"false".equals(input.get("authorised")));
    }

    private StudentId student(Map<String, String> input) {
        String id = text(input, "student", 64, true);
        StudentId student = StudentId.of(id);
        if (!demo.sis().hasStudent(student)) {
            throw new Refused(404, "Onbekende leerling. / Unknown pupil.");
        }
        return student;
    }

    private static long number(Map<String, String> input, String name, long max) {
        String value = input.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (Math.abs(number) > max) {
                throw new Refused(400, name + ": hooguit " + max + ". / at most " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Refused(400, name + ": geen geheel getal. / not a whole number.");
        }
    }

    private static LocalDate date(Map<String, String> input, String name, LocalDate otherwise) {
        String value = input.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new Refused(400, name + ": een datum tussen 1900 en 2200. / a date between 1900 and 2200.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new Refused(400, name + ": een datum als 2026-03-10. / a date such as 2026-03-10.");
        }
    }

    private static String text(Map<String, String> input, String name, int max, boolean required) {
        String value = input.get(name);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new Refused(400, name + ": verplicht. / required.");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new Refused(400, name + ": hooguit " + max + " tekens. / at most " + max + " characters.");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new Refused(400, name + ": bevat een stuurteken. / contains a control character.");
        }
        return stripped;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * A child of the demo guardian with its reports, for the page and the JSON.
     *
     * @param student the pupil's id (what the control's forms take)
     * @param name the pupil's name
     * @param reports the reports, newest first
     */
    public record ChildState(String student, String name, List<DemoSis.ReportState> reports) {
    }

    /**
     * What the control shows: the demo's time and the reports of the demo guardian's children.
     *
     * @param now the demo's time, in the school's zone, to the second (ISO-8601)
     * @param readable the demo's time as the page shows it, in Dutch
     * @param today the demo's date
     * @param offset how far the clock is moved (ISO-8601 duration)
     * @param children the demo guardian's children
     */
    public record State(String now, String readable, LocalDate today, String offset, List<ChildState> children) {
    }

    State state() {
        List<StudentId> ids = demo.sis().linksOfGuardian(GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN)).stream()
                .map(GuardianLink::studentId).distinct().toList();
        List<ChildState> children = demo.sis().students(ids).stream()
                .map(child -> new ChildState(child.id().value(), child.name().displayName(), demo.sis().reportStates(child.id())))
                .toList();
        java.time.ZonedDateTime now = clock.instant().atZone(ZONE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new State(now.toOffsetDateTime().toString(), READABLE.format(now), today(), clock.offset().toString(), children);
    }

    private void page(Context ctx, String done, String error) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("state", state());
        parameters.put("csrf", PortalWeb.csrfToken(ctx));
        parameters.put("done", done != null ? done : ctx.queryParam("done"));
        parameters.put("error", error);
        StringOutput output = new StringOutput();
        templates.render("control.jte", parameters, output);
        ctx.html(output.toString());
    }
}
