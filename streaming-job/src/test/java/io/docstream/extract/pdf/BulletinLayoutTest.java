package io.docstream.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF lines → plain-text bulletin step on lines laid out as the corpus PDFs lay them (Letter, 10 pt). */
class BulletinLayoutTest {

    private static final float[] TWO_PAGES = {792, 792};
    private static final float LEFT = 72;
    private static final float RIGHT = 540;
    private static final float SIZE = 10;
    private static final float CHAR = 5;

    /** A line at the left margin, {@code width} points wide, first word as wide as its letters. */
    private static TextLine line(int page, float baseline, float left, float width, String text) {
        String first = text.strip().split(" ")[0];
        return new TextLine(page, left, left + width, baseline, SIZE, first.length() * CHAR, text);
    }

    private static TextLine full(int page, float baseline, String text) {
        return line(page, baseline, LEFT, RIGHT - LEFT - 3, text);
    }

    private static TextLine shortLine(int page, float baseline, String text) {
        return line(page, baseline, LEFT, text.length() * CHAR, text);
    }

    @Test
    void wrappedLinesBecomeOneParagraphAndBlankSpaceABlankLine() {
        List<TextLine> lines = List.of(
                shortLine(1, 100, "DUTIES"),
                full(1, 124, "A Port Police Sergeant supervises, assigns, reviews, and evaluates the work of a group"),
                full(1, 136, "of Port Police Officers; may perform some initial and follow-up investigations of"),
                shortLine(1, 148, "crimes and related matters."));
        assertEquals(
                "DUTIES\n\nA Port Police Sergeant supervises, assigns, reviews, and evaluates the work of a group"
                        + " of Port Police Officers; may perform some initial and follow-up investigations of crimes and related"
                        + " matters.\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void aListItemStartsItsOwnLineAndAHangingIndentContinuesIt() {
        List<TextLine> lines = List.of(
                full(1, 100, "1. Two years of full-time paid experience as a Plumbing Inspector with the City of"),
                line(1, 112, LEFT + 18, 80, "Los Angeles; or"),
                full(1, 124, "2. One year of experience as a Building Mechanical Inspector may be substituted"),
                line(1, 136, LEFT + 18, 60, "for it."));
        assertEquals(
                "1. Two years of full-time paid experience as a Plumbing Inspector with the City of Los Angeles; or\n"
                        + "2. One year of experience as a Building Mechanical Inspector may be substituted for it.\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void aShortLineThatFitsTheNextWordWasNotWrapped() {
        List<TextLine> lines = List.of(
                line(1, 100, LEFT, 300, "Applicants are urged to apply early."),
                full(1, 112, "Applications must be received by THURSDAY, APRIL 24, 2014, in the office stated here"));
        assertEquals(
                "Applicants are urged to apply early.\nApplications must be received by THURSDAY, APRIL 24, 2014,"
                        + " in the office stated here\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void flushRightLinesBesideTheTitleStayLinesOfTheirOwn() {
        List<TextLine> lines = List.of(
                shortLine(1, 80, "PORT POLICE SERGEANT"),
                line(1, 92, 430, 108, "Class Code:       3222"),
                line(1, 104, 430, 108, "Open Date:  04-04-14"));
        assertEquals(
                "PORT POLICE SERGEANT\nClass Code:       3222\nOpen Date:  04-04-14\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void hyphensTypedStaySoftHyphensJoinTheWord() {
        List<TextLine> lines = List.of(
                full(1, 100, "Two years of full-time paid experience in a class at the level of Senior full-"),
                full(1, 112, "time work; knowledge of on-line and web\u00AD"),
                shortLine(1, 124, "based search engines."));
        assertEquals(
                "Two years of full-time paid experience in a class at the level of Senior full-time work;"
                        + " knowledge of on-line and webbased search engines.\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void runningHeadersAndFootersAndPageNumbersAreDropped() {
        List<TextLine> lines = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            lines.add(shortLine(page, 30, "AN EQUAL EMPLOYMENT OPPORTUNITY EMPLOYER"));
            lines.add(shortLine(page, 400, "Body text of page " + page + "."));
            lines.add(line(page, 760, LEFT, 400, "Class Code 3222 . . . . . . . . . . 04-0" + page + "-14"));
            lines.add(line(page, 775, 300, 10, String.valueOf(page)));
        }
        assertEquals("Body text of page 1.\nBody text of page 2.\n", BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void aParagraphRunsOnAcrossAPageBreak() {
        List<TextLine> lines = List.of(
                full(1, 700, "In the interview, candidates may be examined for knowledge of the duties and of the"),
                shortLine(2, 80, "City's rules."));
        assertEquals(
                "In the interview, candidates may be examined for knowledge of the duties and of the City's rules.\n",
                BulletinLayout.text(lines, TWO_PAGES));
    }

    @Test
    void linesAreReadTopToBottomWhateverOrderTheyWereDrawnIn() {
        List<TextLine> lines = List.of(
                shortLine(1, 700, "AN EQUAL EMPLOYMENT OPPORTUNITY EMPLOYER"), shortLine(1, 80, "ARTS ASSOCIATE"));
        assertEquals(
                "ARTS ASSOCIATE\n\nAN EQUAL EMPLOYMENT OPPORTUNITY EMPLOYER\n",
                BulletinLayout.text(lines, new float[] {792}));
    }

    @Test
    void typographicCharactersBecomeTheAsciiOfTheTextBulletins() {
        assertEquals(
                "bachelor's \"Apply\" 4.16-kV - office fine * item ... a b",
                PdfCharacters.normalise(
                        "bachelor\u2019s \u201CApply\u201D 4.16\u2011kV \u2013 of\uFB01ce \uFB01ne \u2022 item \u2026 a\u00A0b"));
    }

    @Test
    void tesseractsTsvWordsBecomeLinesInPoints() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "4\t1\t1\t1\t1\t0\t300\t600\t500\t40\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t300\t600\t180\t40\t96\tClass\n"
                + "5\t1\t1\t1\t1\t2\t500\t600\t174\t40\t95\tCode:\n"
                + "5\t1\t1\t1\t2\t1\t300\t660\t150\t40\t96\t1775\n";
        List<TextLine> lines = TesseractOcr.parseTsv(tsv, 1);
        assertEquals(2, lines.size());
        assertEquals("Class Code:", lines.get(0).text());
        assertEquals(72f, lines.get(0).left(), 0.01);
        assertEquals(674 * 72f / 300, lines.get(0).right(), 0.01);
        assertEquals(180 * 72f / 300, lines.get(0).firstWordWidth(), 0.01);
        assertEquals("1775", lines.get(1).text());
    }
}
