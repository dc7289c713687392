package luohu.print;

import luohu.answer.PrecheckSheet;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pre-check sheet as a one-page A4 PDF, set in a CJK font of the system (Debian's fonts-noto-cjk by default;
 * {@code LUOHU_PDF_FONT} or {@link #withFont} names another TrueType/OpenType file or collection).
 * <p>
 * PDFBox cannot embed or subset an OpenType font with CFF outlines, which is what Noto Sans CJK is, so each glyph
 * used is drawn once from its outline into a form and placed where it occurs: the page looks as set in the font and
 * stays small, though its Chinese text cannot be selected. The code itself is real text in a standard font. A long
 * sheet is set smaller until it fits the page.
 */
public final class SheetPdf {
    private static final Logger LOG = LoggerFactory.getLogger(SheetPdf.class);
    /** Where Debian's fonts-noto-cjk puts the regular sans-serif collection. */
    public static final Path DEBIAN_NOTO = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    private static final String FACE = "NotoSansCJKsc-Regular";
    private static final float MARGIN = 48;

    private final Path fontFile;
    private volatile Glyphs glyphs;
    private volatile boolean failed;

    private SheetPdf(Path fontFile) {
        this.fontFile = fontFile;
    }

    /** From LUOHU_PDF_FONT when set, else Debian's Noto Sans CJK. */
    public static SheetPdf fromEnvironment() {
        String configured = System.getenv("LUOHU_PDF_FONT");
        return withFont(configured == null || configured.isBlank() ? DEBIAN_NOTO : Path.of(configured.strip()));
    }

    public static SheetPdf withFont(Path fontFile) {
        return new SheetPdf(fontFile);
    }

    /** Whether a PDF can be made: the font exists and can be read (the reason is logged once when not). */
    public boolean available() {
        return glyphs() != null;
    }

    /**
     * The sheet with its code and dates on one A4 page, or empty without a usable font (then the text sheet is all
     * there is; the reason is logged once).
     */
    public Optional<byte[]> render(PrecheckSheet sheet, String codeLine, List<String> footer) {
        Glyphs g = glyphs();
        if (g == null) return Optional.empty();
        try {
            return Optional.of(layout(g, sheet, codeLine, footer));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the pre-check sheet could not be made into a PDF ({}); the text sheet is sent alone", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private synchronized Glyphs glyphs() {
        if (glyphs != null || failed) return glyphs;
        if (!Files.isReadable(fontFile)) {
            failed = true;
            LOG.warn("no PDF of pre-check sheets: the font {} is missing (install fonts-noto-cjk or set LUOHU_PDF_FONT); the text sheet is sent alone", fontFile);
            return null;
        }
        try {
            glyphs = Glyphs.load(fontFile);
        } catch (IOException | RuntimeException e) {
            failed = true;
            LOG.warn("no PDF of pre-check sheets: the font {} cannot be read ({}); the text sheet is sent alone", fontFile, e.getClass().getSimpleName());
        }
        return glyphs;
    }

    private static byte[] layout(Glyphs g, PrecheckSheet sheet, String codeLine, List<String> footer) throws IOException {
        PDRectangle a4 = PDRectangle.A4;
        float width = a4.getWidth() - 2 * MARGIN;
        float height = a4.getHeight() - 2 * MARGIN - 40; // the code's line at the top
        // the largest size at which everything fits the page
        float size = 11;
        while (size > 5 && lines(g, sheet, footer, width, size).size() * size * 1.45f > height) size -= 0.25f;
        List<Line> lines = lines(g, sheet, footer, width, size);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            Map<Integer, PDFormXObject> forms = new HashMap<>();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = a4.getHeight() - MARGIN - 16;
                // the code as real text, so that it can be copied and read by a machine
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD), 16);
                cs.newLineAtOffset(a4.getWidth() - MARGIN - 16 * 0.6f * codeLine.length(), y);
                cs.showText(codeLine);
                cs.endText();
                y -= 40;
                for (Line l : lines) {
                    float s = l.heading() ? size * 1.1f : size;
                    float x = MARGIN + l.indent();
                    for (int cp : l.text().codePoints().toArray()) {
                        int gid = g.gid(cp);
                        if (gid > 0) {
                            PDFormXObject form = forms.computeIfAbsent(gid, k -> g.form(doc, k));
                            cs.saveGraphicsState();
                            cs.transform(new Matrix(s / 1000f, 0, 0, s / 1000f, x, y));
                            cs.drawForm(form);
                            cs.restoreGraphicsState();
                        }
                        x += g.advance(gid) * s / 1000f;
                    }
                    y -= s * 1.45f;
                }
            }
            doc.getDocumentInformation().setTitle("落户预审单");
            doc.save(out);
            return out.toByteArray();
        }
    }

    private record Line(String text, float indent, boolean heading) {
    }

    /** The sheet's sections broken into lines that fit {@code width} at {@code size}. */
    private static List<Line> lines(Glyphs g, PrecheckSheet sheet, List<String> footer, float width, float size) {
        List<Line> out = new ArrayList<>();
        for (PrecheckSheet.Section s : sheet.sections()) {
            wrap(g, s.heading(), size * 1.1f, width, 0, true, out);
            for (String l : s.lines()) wrap(g, l, size, width, 0, false, out);
            out.add(new Line("", 0, false));
        }
        for (String l : footer) wrap(g, l, size, width, 0, false, out);
        return out;
    }

    private static void wrap(Glyphs g, String text, float size, float width, float indent, boolean heading, List<Line> out) {
        StringBuilder line = new StringBuilder();
        float used = 0;
        float hanging = size * 1.2f;
        boolean first = true;
        for (int cp : text.codePoints().toArray()) {
            float w = g.advance(g.gid(cp)) * size / 1000f;
            if (used + w > width - (first ? indent : hanging) && line.length() > 0) {
                out.add(new Line(line.toString(), first ? indent : hanging, heading));
                line.setLength(0);
                used = 0;
                first = false;
            }
            line.appendCodePoint(cp);
            used += w;
        }
        if (line.length() > 0 || first) out.add(new Line(line.toString(), first ? indent : hanging, heading));
    }

    /** The glyphs of the font: outlines by glyph id, advances, and the Unicode map. */
    private static final class Glyphs {
        private final TrueTypeFont font;
        private final CmapLookup cmap;
        private final CFFFont cff;

        private Glyphs(TrueTypeFont font) throws IOException {
            this.font = font;
            this.cmap = font.getUnicodeCmapLookup();
            this.cff = font instanceof OpenTypeFont otf && otf.isPostScript() ? otf.getCFF().getFont() : null;
        }

        static Glyphs load(Path file) throws IOException {
            if (file.toString().toLowerCase().endsWith(".ttc")) {
                // the collection stays open for the life of the process: glyphs are read from it as they are first needed
                TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                TrueTypeFont f = ttc.getFontByName(FACE);
                if (f == null) {
                    TrueTypeFont[] any = {null};
                    ttc.processAllFonts(t -> {
                        if (any[0] == null) any[0] = t;
                    });
                    f = any[0];
                }
                if (f == null) throw new IOException("an empty font collection");
                return new Glyphs(f);
            }
            return new Glyphs(new org.apache.fontbox.ttf.OTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile())));
        }

        synchronized int gid(int codePoint) {
            return cmap.getGlyphId(codePoint);
        }

        synchronized float advance(int gid) {
            try {
                return font.getAdvanceWidth(gid) * 1000f / font.getUnitsPerEm();
            } catch (IOException e) {
                return 1000;
            }
        }

        /** One glyph as a form in units of 1/1000 em. */
        synchronized PDFormXObject form(PDDocument doc, int gid) {
            try {
                GeneralPath path = cff instanceof CFFCIDFont cid ? cid.getType2CharString(cff.getCharset().getCIDForGID(gid)).getPath()
                        : cff != null ? cff.getType2CharString(gid).getPath() : font.getGlyph().getGlyph(gid).getPath();
                float scale = cff != null ? 1000f / font.getUnitsPerEm() : 1000f / font.getUnitsPerEm();
                PDFormXObject form = new PDFormXObject(doc);
                form.setBBox(new PDRectangle(-500, -500, 2000, 2000));
                try (org.apache.pdfbox.pdmodel.PDFormContentStream cs = new org.apache.pdfbox.pdmodel.PDFormContentStream(form)) {
                    float[] c = new float[6];
                    boolean any = false;
                    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
                        any = true;
                        switch (it.currentSegment(c)) {
                            case PathIterator.SEG_MOVETO -> cs.moveTo(c[0] * scale, c[1] * scale);
                            case PathIterator.SEG_LINETO -> cs.lineTo(c[0] * scale, c[1] * scale);
                            case PathIterator.SEG_CUBICTO -> cs.curveTo(c[0] * scale, c[1] * scale, c[2] * scale, c[3] * scale, c[4] * scale, c[5] * scale);
                            case PathIterator.SEG_QUADTO -> cs.curveTo2(c[0] * scale, c[1] * scale, c[2] * scale, c[3] * scale);
                            case PathIterator.SEG_CLOSE -> cs.closePath();
                            default -> {
                            }
                        }
                    }
                    if (any) cs.fill();
                }
                return form;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
