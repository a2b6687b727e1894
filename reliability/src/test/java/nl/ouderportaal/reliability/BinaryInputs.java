package nl.ouderportaal.reliability;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Hostile uploads that cannot be lines of text, generated here; {@code hostile-inputs/binary-generators.txt}
 * lists their names so that the corpus documents them.
 */
public final class BinaryInputs {

    private static final Map<String, Supplier<byte[]>> GENERATORS = new LinkedHashMap<>();

    static {
        GENERATORS.put("png-header-claims-50000x50000", () -> pngHeaderOnly(50_000, 50_000));
        GENERATORS.put("png-decompression-bomb-10000x10000", BinaryInputs::pngBomb);
        GENERATORS.put("png-truncated-after-header", () -> {
            byte[] full = realPng(200, 200);
            return java.util.Arrays.copyOf(full, 60);
        });
        GENERATORS.put("gif-with-script-comment", () -> ascii("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000"
                + "<script>alert(1)</script>;"));
        GENERATORS.put("svg-with-script", () -> ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" "
                + "height=\"500\" onload=\"alert(1)\"><script>alert(1)</script><rect width=\"500\" height=\"500\"/></svg>"));
        GENERATORS.put("html-renamed-png", () -> ascii("<!doctype html><html><body><script>alert(1)</script></body></html>"));
        GENERATORS.put("text-renamed-png", () -> ascii("Dit is geen afbeelding, alleen tekst met een .png-naam.\n"));
        GENERATORS.put("empty-file", () -> new byte[0]);
        GENERATORS.put("jpeg-magic-only", () -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10});
        GENERATORS.put("png-too-small-16x16", () -> realPng(16, 16));
        GENERATORS.put("random-bytes-64k", () -> {
            byte[] bytes = new byte[64 * 1024];
            new Random(42).nextBytes(bytes);
            return bytes;
        });
        GENERATORS.put("zip-pretending-png", BinaryInputs::zip);
    }

    private BinaryInputs() {
    }

    public static Map<String, Supplier<byte[]>> generators() {
        return java.util.Collections.unmodifiableMap(GENERATORS);
    }

    public static byte[] generate(String name) {
        Supplier<byte[]> generator = GENERATORS.get(name);
        if (generator == null) {
            throw new IllegalArgumentException("No binary generator " + name);
        }
        return generator.get();
    }

    /** A PNG signature, an IHDR chunk with the given size, one tiny IDAT and IEND. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(new byte[16]));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A valid PNG of 10,000 x 10,000 grey pixels (100 megapixels, 100 MB raw) that deflates to well under
     * 1 MB: small upload, huge decoded image.
     */
    static byte[] pngBomb() {
        int side = 10_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed, new Deflater(9))) {
            byte[] row = new byte[side + 1];
            for (int y = 0; y < side; y++) {
                deflater.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] realPng(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("afbeelding.png"));
            zip.write(new byte[1_000_000]);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
