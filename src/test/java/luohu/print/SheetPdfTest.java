package luohu.print;

import luohu.Assistant;
import luohu.TestAssistants;
import luohu.answer.PrecheckSheet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sheet as a PDF: one A4 page in the system's CJK font, or nothing (and the text sheet) without a font. */
class SheetPdfTest {
    static PrecheckSheet longSheet() {
        Assistant a = TestAssistants.fresh();
        a.reply("pdf", "我在聊城买了房，房产证办下来了，想落户");
        return a.machine().precheckSheet(a.turn("pdf", "生成预审单").session()).orElseThrow();
    }

    @Test
    void aLongSheetIsOneA4Page() throws Exception {
        assumeTrue(Files.isReadable(SheetPdf.DEBIAN_NOTO), "no " + SheetPdf.DEBIAN_NOTO + ": install fonts-noto-cjk (.ci/run does)");
        PrecheckSheet sheet = longSheet();
        assertTrue(sheet.sections().stream().mapToInt(s -> s.lines().size()).sum() > 12, "a sheet with many lines");
        byte[] pdf = SheetPdf.withFont(SheetPdf.DEBIAN_NOTO).render(sheet, "ABCD-2345-XY", List.of("生成日期：2026-11-22")).orElseThrow();
        Files.write(luohu.TestPaths.project().resolve("target/precheck-sheet.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("ABCD-2345-XY"), "the code is real text: " + text);
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the glyphs are drawn");
        }
        assertTrue(pdf.length < 2_000_000, "a size to send: " + pdf.length);
    }

    @Test
    void withoutAFontThereIsNoPdf(@org.junit.jupiter.api.io.TempDir Path dir) {
        SheetPdf none = SheetPdf.withFont(dir.resolve("missing.ttc"));
        assertFalse(none.available());
        assertTrue(none.render(longSheet(), "ABCD-2345-XY", List.of()).isEmpty());
    }
}
