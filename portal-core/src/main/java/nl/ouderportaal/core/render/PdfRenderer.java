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
    /** Tables of more than five columns: a class list or a schedule still fits A4 upright. */
    private static final float SMALL = 9;
    private static final float PADDING = 6;
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
                if (!section.title().in(locale).equals(title)) {
                    writer.paragraph(section.title().in(locale), writer.bold, HEADING, 0);
                }
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
            float size = table.headers().size() > 5 ? SMALL : BODY;
            List<String> header = table.headers().stream().map(h -> h.in(locale)).toList();
            List<List<String>> rows = new ArrayList<>();
            for (var row : table.rows()) {
                rows.add(row.stream().map(v -> ValueFormatter.format(v, locale)).toList());
            }
            float[] columns = columnWidths(header, rows, size);
            row(header, bold, size, columns);
            for (List<String> row : rows) {
                row(row, regular, size, columns);
            }
        }

        /*
         * Columns as wide as their content asks, as a browser lays out a table: each gets at least its longest
         * word (so "18:00–18:10" and "Leerkracht" are never cut), and the rest of the line goes to the columns
         * with the most text. Only when even the longest words do not fit are they cut.
         */
        private float[] columnWidths(List<String> header, List<List<String>> rows, float size) throws IOException {
            int count = header.size();
            float[] least = new float[count];
            float[] natural = new float[count];
            List<List<String>> all = new ArrayList<>(rows);
            all.add(0, header);
            for (List<String> row : all) {
                for (int c = 0; c < count && c < row.size(); c++) {
                    PDFont font = row == header ? bold : regular;
                    for (String line : row.get(c).replace("\r", "").split("\n")) {
                        natural[c] = Math.max(natural[c], width(line, font, size) + PADDING);
                        for (String word : line.split(" ")) {
                            least[c] = Math.max(least[c], width(word, font, size) + PADDING);
                        }
                    }
                }
            }
            float[] widths = new float[count];
            boolean[] settled = new boolean[count];
            float left = width;
            int open = count;
            // Narrow columns (a group, a version) get all they ask, as long as they ask less than a fair share.
            for (boolean changed = true; changed && open > 0; ) {
                changed = false;
                float fair = left / open;
                for (int c = 0; c < count; c++) {
                    if (!settled[c] && natural[c] <= fair) {
                        widths[c] = natural[c];
                        settled[c] = true;
                        left -= natural[c];
                        open--;
                        changed = true;
                    }
                }
            }
            float leastSum = 0;
            float wish = 0;
            float naturalSum = 0;
            for (int c = 0; c < count; c++) {
                naturalSum += natural[c];
                if (!settled[c]) {
                    leastSum += least[c];
                    wish += natural[c] - least[c];
                }
            }
            for (int c = 0; c < count; c++) {
                if (open == 0) {
                    // Everything fits: the spare width is shared out as the text is.
                    widths[c] += (width - naturalSum) * natural[c] / naturalSum;
                } else if (settled[c]) {
                    continue;
                } else if (leastSum <= left) {
                    widths[c] = least[c] + (left - leastSum) * (wish == 0 ? 1f / open : (natural[c] - least[c]) / wish);
                } else {
                    widths[c] = left * least[c] / leastSum;
                }
            }
            return widths;
        }

        private void row(List<String> cells, PDFont font, float size, float[] columns) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.size() && c < columns.length; c++) {
                List<String> cellLines = wrap(cells.get(c), font, size, columns[c] - PADDING);
                wrapped.add(cellLines);
                lines = Math.max(lines, cellLines.size());
            }
            // A row is kept on one page.
            ensureRoom(lines * size * LEADING);
            for (int i = 0; i < lines; i++) {
                ensureRoom(size * LEADING);
                float x = MARGIN;
                for (int c = 0; c < wrapped.size(); c++) {
                    if (i < wrapped.get(c).size()) {
                        text(wrapped.get(c).get(i), font, size, x);
                    }
                    x += columns[c];
                }
                y -= size * LEADING;
            }
            y -= size * 0.3f;
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
