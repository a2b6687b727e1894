package nl.ouderportaal.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A printed table gives each column the width its words need")
class PdfRendererTest {

    private static String text(List<LocalizedText> headers, List<List<Value>> rows, String title) throws IOException {
        Section section = new Section(LocalizedText.of(title, title),
                List.of(new Block.Table(headers, rows, LocalizedText.of("Niets.", "Nothing."))));
        byte[] pdf = PdfRenderer.render(title, "OBS De Regenboog", List.of(section), LocalizedText.DUTCH);
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void narrowColumnsKeepTheirWordsWholeBesideLongTexts() throws IOException {
        List<LocalizedText> headers = List.of(LocalizedText.of("Leerling", "Pupil"), LocalizedText.of("Groep", "Group"),
                LocalizedText.of("Foto's en video's op de website van de school", "Photos"),
                LocalizedText.of("Foto's in de nieuwsbrief voor ouders", "Newsletter"),
                LocalizedText.of("Foto's op de sociale media van de school", "Social media"));
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(List.of(Value.text("Dijkstra, Noor " + i), Value.text("Groep 5"), Value.text("nee (geen antwoord)"),
                    Value.text("ja, toestemming van beide ouders"), Value.text("nee (geen antwoord)")));
        }

        String text = text(headers, rows, "Toestemmingen – Groep 5");

        // Each row's group on one line, the times and names never cut in the middle of a word.
        assertThat(text.split("Groep 5", -1)).hasSize(32);
        assertThat(text).contains("Leerling", "nee (geen antwoord)");
        // The section repeating the document's title is not printed twice.
        assertThat(text.split("Toestemmingen – Groep 5", -1)).hasSize(2);
    }

    @Test
    void aScheduleOfSevenColumnsFitsUprightWithItsTimesWhole() throws IOException {
        List<LocalizedText> headers = List.of(LocalizedText.of("Leerkracht", "Teacher"), LocalizedText.of("Datum", "Date"),
                LocalizedText.of("Tijd", "Time"), LocalizedText.of("Waar", "Where"), LocalizedText.of("Kind", "Child"),
                LocalizedText.of("Groep", "Group"), LocalizedText.of("Gepland door", "Booked by"));
        List<List<Value>> rows = List.of(
                List.of(Value.text("Jeroen Brouwer"), Value.text("2026-12-17"), Value.text("18:00–18:10"), Value.text("Lokaal A5"),
                        Value.text("Jurre Bakker"), Value.text("Groep 5"), Value.text("Anna Bakker")));

        String text = text(headers, rows, "Gespreksrooster");

        assertThat(text).contains("Leerkracht", "18:00–18:10", "Gepland door", "Jeroen Brouwer", "2026-12-17");
    }
}
