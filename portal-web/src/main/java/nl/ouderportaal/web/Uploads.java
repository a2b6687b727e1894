package nl.ouderportaal.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.settings.DashboardImages;
import nl.ouderportaal.core.validation.PortalValidationException;

/**
 * The only request bodies that may be large: the dashboard image, as the raw body of
 * {@code PUT /api/admin/settings/image} or as the multipart field {@code image} of
 * {@code POST /admin/settings/image}. A multipart body anywhere else is refused before a byte of it is read
 * (415); a declared length above the limit is refused at once (413); the upload route reads the body only
 * after the staff session check, within the limits below, kept in memory (never spooled to disk), and at most
 * {@code slots} uploads at a time (429 beyond a short wait). Thread-safe.
 */
final class Uploads {

    static final long MAX_FILE_BYTES = DashboardImages.MAX_BYTES;
    /** The file plus the multipart headers and the few small fields of the form. */
    static final long MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
    private static final Set<String> ROUTES = Set.of("POST /admin/settings/image", "PUT /api/admin/settings/image");

    private final Semaphore slots;
    private final int slotCount;
    private final Duration wait;

    Uploads(int slots, Duration wait) {
        this.slots = new Semaphore(slots, true);
        this.slotCount = slots;
        this.wait = wait;
    }

    /** Jetty's own multipart limits, as a second line behind the checks here. */
    static void configure(JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(MAX_FILE_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_BODY_BYTES, SizeUnit.BYTES);
    }

    static boolean isUploadRoute(Context ctx) {
        return ROUTES.contains(ctx.method().name() + " " + ctx.path());
    }

    /**
     * For the before-handler, before anything reads the body.
     *
     * @throws Refusal 415 for a multipart body outside the upload route, 413 for a declared length above the limit
     */
    static void checkEarly(Context ctx) {
        boolean multipart = WebSecurity.isMultipart(ctx);
        if (multipart && !isUploadRoute(ctx)) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", WebTexts.INVALID_TITLE,
                    WebTexts.NO_MULTIPART, 0);
        }
        if (isUploadRoute(ctx) && ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
    }

    /** Whether the CSRF check waits for the upload's own form field (a multipart form from the page, no header). */
    static boolean csrfInBody(Context ctx) {
        return WebSecurity.isMultipart(ctx) && isUploadRoute(ctx) && ctx.header(WebSecurity.CSRF_HEADER) == null;
    }

    /**
     * The uploaded image, read within an upload slot. Call only after the staff session check.
     *
     * @throws Refusal 429 when every slot stays taken for the short wait, 413 when the body is too large,
     *     403 when a multipart form lacks the client's CSRF token
     */
    byte[] read(Web web, Context ctx) throws java.io.IOException {
        return inSlot(() -> readBody(web, ctx));
    }

    /** Work that reads a body. */
    interface BodyWork<T> {
        T run() throws java.io.IOException;
    }

    /** Runs the work in an upload slot, waiting for one at most the short wait. */
    <T> T inSlot(BodyWork<T> work) throws java.io.IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw Refusal.busy(Math.max(1, (int) wait.toSeconds()));
        }
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }

    private static byte[] readBody(Web web, Context ctx) throws java.io.IOException {
        if (WebSecurity.isMultipart(ctx)) {
            io.javalin.http.UploadedFile file;
            try {
                file = ctx.uploadedFile("image");
            } catch (RuntimeException tooLargeOrBroken) {
                throw tooLarge();
            }
            if (csrfInBody(ctx) && !web.security.csrfMatches(ctx, ctx.formParam(WebSecurity.CSRF_FIELD))) {
                throw new Refusal(HttpStatus.FORBIDDEN, "csrf", WebTexts.CSRF_TITLE, WebTexts.CSRF_REFUSED, 0);
            }
            if (file == null) {
                throw PortalValidationException.of("image", "Kies een afbeelding.", "Choose an image.");
            }
            if (file.size() > MAX_FILE_BYTES) {
                throw tooLarge();
            }
            try (var in = file.content()) {
                return in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw PortalValidationException.of("image", "Kies een afbeelding.", "Choose an image.");
        }
        return bytes;
    }

    /** How many uploads may be read at once. */
    int slots() {
        return slotCount;
    }

    private static Refusal tooLarge() {
        return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "too-large", WebTexts.INVALID_TITLE, WebTexts.TOO_LARGE, 0);
    }
}
