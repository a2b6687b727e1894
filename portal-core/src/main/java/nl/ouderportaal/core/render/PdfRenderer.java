package nl.ouderportaal.core.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints page sections (a report, say) as an A4 PDF that reads the same on any screen (R-POR-2). Text is
 * set in DejaVu Sans, embedded as a subset, so every Dutch character (ĳ, ë, é, ...) is encoded, which
 * PDF's standard 14 fonts cannot do. Stateless and thread-safe.
 */
public final class PdfRenderer {

    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;
    private static final float HEADING = 14;
    private static final float TITLE = 18;
    private static final float LEADING = 1.4f;

    private PdfRenderer() {
    }

    /**
     * Renders the sections under a title.
     *
     * @param title the document title, such as "Rapport 1 - Sanne de Vries"
     * @param subtitle a line under the title, such as the school's name, or {@code null}
     */
    public static byte[] render(String title, String subtitle, List<Section> sections, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Ouderportaal");
            Writer writer = new Writer(document, font(document, "DejaVuSans.ttf"), font(document, "DejaVuSans-Bold.ttf"));
            writer.paragraph(title, writer.bold, TITLE, 0);
            if (subtitle != null) {
                writer.paragraph(subtitle, writer.regular, BODY, 0);
            }
            writer.space(BODY);
            for (Section section : sections) {
                writer.paragraph(section.title().in(locale), writer.bold, HEADING, 0);
                for (Block block : section.blocks()) {
                    writer.block(block, locale);
                }
                writer.space(BODY);
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a PDF", e);
        }
    }

    private static PDFont font(PDDocument document, String file) throws IOException {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the portal-core jar");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** Lays text out top to bottom, starting a new A4 page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        final PDFont regular;
        final PDFont bold;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void block(Block block, Locale locale) throws IOException {
            if (block instanceof Block.Paragraph p) {
                paragraph(ValueFormatter.format(p.text(), locale), regular, BODY, 0);
            } else if (block instanceof Block.Notice n) {
                paragraph(n.text().in(locale), regular, BODY, 0);
            } else if (block instanceof Block.Fields fields) {
                for (Block.Field field : fields.fields()) {
                    labelled(field.label().in(locale), ValueFormatter.format(field.value(), locale));
                }
            } else if (block instanceof Block.Table table) {
                table(table, locale);
            }
            space(BODY / 2);
        }

        private void labelled(String label, String value) throws IOException {
            float labelWidth = width * 0.35f;
            List<String> valueLines = wrap(value, regular, BODY, width - labelWidth);
            List<String> labelLines = wrap(label, bold, BODY, labelWidth - 6);
            int lines = Math.max(valueLines.size(), labelLines.size());
            for (int i = 0; i < lines; i++) {
                ensureRoom(BODY * LEADING);
                if (i < labelLines.size()) {
                    text(labelLines.get(i), bold, BODY, MARGIN);
                }
                if (i < valueLines.size()) {
                    text(valueLines.get(i), regular, BODY, MARGIN + labelWidth);
                }
                y -= BODY * LEADING;
            }
        }

        private void table(Block.Table table, Locale locale) throws IOException {
            if (table.rows().isEmpty()) {
                paragraph(table.emptyMessage().in(locale), regular, BODY, 0);
                return;
            }
            int columns = table.headers().size();
            float columnWidth = width / columns;
            List<String> header = table.headers().stream().map(h -> h.in(locale)).toList();
            row(header, bold, columnWidth);
            for (var row : table.rows()) {
                row(row.stream().map(v -> ValueFormatter.format(v, locale)).toList(), regular, columnWidth);
            }
        }

        private void row(List<String> cells, PDFont font, float columnWidth) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (String cell : cells) {
                List<String> cellLines = wrap(cell, font, BODY, columnWidth - 6);
                wrapped.add(cellLines);
                lines = Math.max(lines, cellLines.size());
            }
            for (int i = 0; i < lines; i++) {
                ensureRoom(BODY * LEADING);
                for (int c = 0; c < wrapped.size(); c++) {
                    if (i < wrapped.get(c).size()) {
                        text(wrapped.get(c).get(i), font, BODY, MARGIN + c * columnWidth);
                    }
                }
                y -= BODY * LEADING;
            }
        }

        void paragraph(String text, PDFont font, float size, float indent) throws IOException {
            for (String line : wrap(text, font, size, width - indent)) {
                ensureRoom(size * LEADING);
                text(line, font, size, MARGIN + indent);
                y -= size * LEADING;
            }
        }

        void space(float amount) {
            y -= amount;
        }

        private void text(String text, PDFont font, float size, float x) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y - size);
            stream.showText(text);
            stream.endText();
        }

        private void ensureRoom(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            stream.close();
        }

        /** Breaks text into lines that fit the width, at spaces where possible; line breaks are kept. */
        private static List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.replace("\r", "").replace("\t", " ").split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (width(candidate, font, size) <= maxWidth) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    // A word longer than the line is cut where it must be.
                    while (width(word, font, size) > maxWidth && word.length() > 1) {
                        int fit = word.length() - 1;
                        while (fit > 1 && width(word.substring(0, fit), font, size) > maxWidth) {
                            fit--;
                        }
                        lines.add(word.substring(0, fit));
                        word = word.substring(fit);
                    }
                    line.append(word);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
