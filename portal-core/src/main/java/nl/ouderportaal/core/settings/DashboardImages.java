package nl.ouderportaal.core.settings;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nl.ouderportaal.core.validation.PortalValidationException;

/**
 * The dashboard image (R-SET-3), beyond the seed: any PNG or JPEG of at least 170 x 170 pixels is
 * accepted, cropped to its centre square and scaled to 512 x 512. Refused, with a message an
 * administrator understands: files over 5 MB, files that are no PNG or JPEG whatever their name, images
 * smaller than 170 x 170, and images whose declared size would explode in memory (read from the header
 * before anything is decoded). Stateless and thread-safe.
 */
public final class DashboardImages {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MIN_SIDE = 170;
    public static final int SIDE = 512;
    /** 40 megapixels: any camera photo, not a decompression bomb. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg");
    private static final byte[] DEFAULT = drawDefault();

    private DashboardImages() {
    }

    /** The square PNG to store, made from an upload. */
    public static byte[] process(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw refusal("Kies een afbeelding.", "Choose an image.");
        }
        if (upload.length > MAX_BYTES) {
            throw refusal("De afbeelding is groter dan 5 MB. Kies een kleinere.", "The image is larger than 5 MB. Choose a smaller one.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw notAnImage();
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw refusal("De afbeelding is te groot (" + width + " x " + height + " pixels). Kies er een van hoogstens 40 megapixel.",
                            "The image is too large (" + width + " x " + height + " pixels). Choose one of at most 40 megapixels.");
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw refusal("De afbeelding is " + width + " x " + height + " pixels; ze moet minstens 170 x 170 pixels zijn.",
                            "The image is " + width + " x " + height + " pixels; it must be at least 170 x 170 pixels.");
                }
                // Decode no more pixels than the result needs: a one-colour 40 MP PNG is small on disk, huge in memory,
                // and a 235000 x 170 strip is under the cap yet all but its centre square is cropped away anyway.
                // So only the centre square is read, subsampled to at most twice the stored side.
                int side = Math.min(width, height);
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new java.awt.Rectangle((width - side) / 2, (height - side) / 2, side, side));
                int step = Math.max(1, side / (2 * SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return squarePng(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PortalValidationException refused) {
                throw refused;
            }
            throw refusal("De afbeelding kan niet worden gelezen; misschien is het bestand beschadigd.",
                    "The image cannot be read; the file may be damaged.");
        }
    }

    /** The image shown when a school has set none. */
    public static byte[] defaultImage() {
        return DEFAULT.clone();
    }

    private static byte[] squarePng(BufferedImage image) throws IOException {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        BufferedImage square = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIDE, SIDE);
            g.drawImage(image, 0, 0, SIDE, SIDE, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(square, "png", out);
        return out.toByteArray();
    }

    private static byte[] drawDefault() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1f, 0x5f, 0x8b));
            g.fillOval(16, 16, SIDE - 32, SIDE - 32);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 200));
            var metrics = g.getFontMetrics();
            String text = "OP";
            g.drawString(text, (SIDE - metrics.stringWidth(text)) / 2, (SIDE - metrics.getHeight()) / 2 + metrics.getAscent());
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PortalValidationException notAnImage() {
        return refusal("Dit bestand is geen PNG- of JPEG-afbeelding.", "This file is not a PNG or JPEG image.");
    }

    private static PortalValidationException refusal(String nl, String en) {
        return PortalValidationException.of("dashboardImage", nl, en);
    }
}
