package io.kioskfleet.core.evidence;

import java.awt.Color;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a report's summary as an A4 PDF for the file: the period, units, totals, a table per
 * branch, bar charts of verified against expected sessions per branch and per day, and the gaps,
 * in Japanese with English beside it. Text is set in Noto Sans JP (OFL), embedded as a subset.
 * Pages are finished one by one and the document's buffers live in a temporary file, so a long
 * report does not grow the heap. The output holds no generation time and a fixed document id, so
 * the same report written twice gives the same bytes (and the same detached signature).
 */
final class EvidencePdf {

    /** The embedded font: Noto Sans JP Regular (SIL Open Font License, text beside it). */
    static final String FONT = "/fonts/NotoSansJP_400Regular.ttf";
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 48;
    private static final float TEXT = 8.5f;
    private static final float LINE = 13;
    private static final float RIGHT = SIZE.getWidth() - MARGIN;
    private static final Color EXPECTED = new Color(0xC8, 0xCE, 0xD6);
    private static final Color VERIFIED = new Color(0x2E, 0x7D, 0x32);
    private static final Color INK = Color.BLACK;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final float[] BRANCH_COLUMNS = {MARGIN, MARGIN + 140, MARGIN + 184, MARGIN + 228, MARGIN + 272,
        MARGIN + 316, MARGIN + 360, MARGIN + 404, MARGIN + 448};

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    private EvidencePdf(PDDocument document, PDType0Font font) {
        this.document = document;
        this.font = font;
    }

    /** Writes {@code summary} as PDF to {@code out}; {@code unitName} names a unit id. */
    static void write(EvidenceSummary summary, Function<String, String> unitName, GapSentences sentences, OutputStream out)
        throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
             InputStream fontFile = EvidencePdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IllegalStateException("the font " + FONT + " is missing from the build");
            }
            document.setDocumentId(0L); // a fixed id: the same report gives the same bytes
            EvidencePdf pdf = new EvidencePdf(document, PDType0Font.load(document, fontFile));
            pdf.newPage();
            pdf.heading(summary, unitName);
            pdf.branchTable(summary.branches());
            pdf.branchChart(summary.branches());
            pdf.dayChart(summary.days());
            pdf.gaps(summary, unitName, sentences);
            pdf.page.close();
            document.save(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the caller closes its stream, after the signature is made
                }
            });
        }
    }

    private void heading(EvidenceSummary summary, Function<String, String> unitName) throws IOException {
        text(MARGIN, y, 16, "証跡報告書 Evidence report");
        y -= 26;
        EvidenceQuery query = summary.query();
        String units = query.ouIds().isEmpty() ? "全体 whole fleet"
            : query.ouIds().stream().map(unitName).collect(Collectors.joining("、"));
        line("期間 Period: " + query.from() + " – " + query.to());
        line("対象 Units: " + units);
        line("端末 Devices: " + summary.devices());
        line("監査チェーン Audit chain: " + (summary.chain().intact() ? "改ざんなし intact"
            : "破損 broken at " + summary.chain().brokenAtSeq() + " (" + summary.chain().problem() + ")"));
        EvidenceTotals totals = summary.totals();
        line("合計 Totals: 予定 expected " + totals.expected() + " / 検証済 verified " + totals.verified()
            + " (" + percent(totals) + ")");
        line("　　 遅延 late " + totals.late() + " / 失敗 failed " + totals.failed() + " / 欠落 missing "
            + totals.missing() + " / 実行中 running " + totals.running());
        y -= LINE;
    }

    private void branchTable(List<BranchEvidence> branches) throws IOException {
        title("拠点別 By branch");
        row(BRANCH_COLUMNS, "拠点", "端末", "予定", "検証済", "遅延", "失敗", "欠落", "実行中", "検証率");
        row(BRANCH_COLUMNS, "Branch", "Devices", "Expected", "Verified", "Late", "Failed", "Missing", "Running", "Share");
        for (BranchEvidence branch : branches) {
            EvidenceTotals t = branch.totals();
            row(BRANCH_COLUMNS, branch.name(), n(branch.devices()), n(t.expected()), n(t.verified()), n(t.late()),
                n(t.failed()), n(t.missing()), n(t.running()), percent(t));
        }
        y -= LINE;
    }

    /** One bar per branch: expected sessions in grey, the verified ones over it in green. */
    private void branchChart(List<BranchEvidence> branches) throws IOException {
        title("拠点別 検証済/予定 Verified vs expected per branch");
        long most = branches.stream().mapToLong(branch -> branch.totals().expected()).max().orElse(0);
        float left = MARGIN + 130;
        float width = RIGHT - left - 70;
        for (BranchEvidence branch : branches) {
            room(LINE);
            text(MARGIN, y, TEXT, fitted(branch.name(), 125));
            EvidenceTotals t = branch.totals();
            bar(left, y - 1, most == 0 ? 0 : width * t.expected() / most, 8, EXPECTED);
            bar(left, y - 1, most == 0 ? 0 : width * t.verified() / most, 8, VERIFIED);
            text(RIGHT - 65, y, TEXT, t.verified() + "/" + t.expected());
            y -= LINE;
        }
        y -= LINE;
    }

    /** One column per day of the period, expected in grey and verified over it in green. */
    private void dayChart(List<DayEvidence> days) throws IOException {
        float height = 120;
        room(height + 4 * LINE);
        title("日別 検証済/予定 Verified vs expected per day");
        long most = days.stream().mapToLong(day -> day.totals().expected()).max().orElse(0);
        float left = MARGIN + 40;
        float bottom = y - height;
        float slot = days.isEmpty() ? 0 : (RIGHT - left) / days.size();
        text(MARGIN, y - 6, TEXT, n(most));
        text(MARGIN, bottom, TEXT, "0");
        page.setStrokingColor(INK);
        page.moveTo(left, bottom);
        page.lineTo(RIGHT, bottom);
        page.stroke();
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 12.0));
        for (int i = 0; i < days.size(); i++) {
            EvidenceTotals t = days.get(i).totals();
            float x = left + i * slot + slot * 0.15f;
            bar(x, bottom, most == 0 ? 0 : slot * 0.7f, height * t.expected() / Math.max(1, most), EXPECTED);
            bar(x, bottom, most == 0 ? 0 : slot * 0.7f, height * t.verified() / Math.max(1, most), VERIFIED);
            if (i % labelEvery == 0) {
                text(left + i * slot, bottom - LINE, TEXT - 1.5f, days.get(i).day().format(SHORT_DAY));
            }
        }
        y = bottom - 2 * LINE;
        legend();
        y -= LINE;
    }

    private void gaps(EvidenceSummary summary, Function<String, String> unitName, GapSentences sentences)
        throws IOException {
        title("要確認事項 Gaps: " + summary.gapCount() + (summary.gapCount() > summary.gaps().size()
            ? " (先頭 first " + summary.gaps().size() + "; 全件は CSV every one is in the CSV)" : ""));
        for (EvidenceGap gap : summary.gaps()) {
            String where = gap.ouId() == null ? "" : unitName.apply(gap.ouId()) + " ";
            line(gap.kind() + "  " + (gap.at() == null ? "" : gap.at() + "  ") + where
                + (gap.deviceId() == null ? "" : gap.deviceId() + " ") + (gap.subjectId() == null ? "" : gap.subjectId()));
            line("    " + sentences.of(gap));
        }
    }

    private void legend() throws IOException {
        bar(MARGIN, y, 8, 8, EXPECTED);
        text(MARGIN + 12, y, TEXT, "予定 expected");
        bar(MARGIN + 90, y, 8, 8, VERIFIED);
        text(MARGIN + 102, y, TEXT, "検証済 verified");
        y -= LINE;
    }

    private void title(String title) throws IOException {
        room(3 * LINE);
        text(MARGIN, y, 11, title);
        y -= LINE + 4;
    }

    private void line(String text) throws IOException {
        room(LINE);
        text(MARGIN, y, TEXT, fitted(text, RIGHT - MARGIN));
        y -= LINE;
    }

    private void row(float[] columns, String... cells) throws IOException {
        room(LINE);
        for (int i = 0; i < cells.length; i++) {
            float width = (i + 1 < columns.length ? columns[i + 1] : RIGHT) - columns[i] - 4;
            text(columns[i], y, TEXT, fitted(cells[i], width));
        }
        y -= LINE;
    }

    /** Starts a new page when less than {@code needed} points are left on this one. */
    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(SIZE);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = SIZE.getHeight() - MARGIN;
        text(RIGHT - 20, MARGIN / 2, TEXT, String.valueOf(document.getNumberOfPages()));
    }

    private void text(float x, float at, float size, String text) throws IOException {
        page.beginText();
        page.setNonStrokingColor(INK);
        page.setFont(font, size);
        page.newLineAtOffset(x, at);
        page.showText(printable(text));
        page.endText();
    }

    private void bar(float x, float at, float width, float height, Color color) throws IOException {
        if (width <= 0 || height <= 0) {
            return;
        }
        page.setNonStrokingColor(color);
        page.addRect(x, at, width, height);
        page.fill();
    }

    /** {@code text} cut to fit {@code width} points at body size, with an ellipsis when cut. */
    private String fitted(String text, float width) throws IOException {
        String shown = printable(text);
        if (widthOf(shown) <= width) {
            return shown;
        }
        while (!shown.isEmpty() && widthOf(shown + "…") > width) {
            shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
        }
        return shown + "…";
    }

    private float widthOf(String text) throws IOException {
        return font.getStringWidth(text) / 1000 * TEXT;
    }

    /** {@code text} with every character the font cannot draw (and control characters) as {@code ?}. */
    private String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int codePoint : text.codePoints().toArray()) {
            shown.appendCodePoint(!Character.isISOControl(codePoint) && drawable(codePoint) ? codePoint : '?');
        }
        return shown.toString();
    }

    private boolean drawable(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException none) {
            return false;
        }
    }

    private static String n(long count) {
        return String.valueOf(count);
    }

    private static String percent(EvidenceTotals totals) {
        return String.format(Locale.ROOT, "%.1f%%", totals.verifiedShare() * 100);
    }
}
