package io.docstream.extract.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Positioned lines of a PDF (or of an OCR'd page) to the text a plain-text bulletin holds: lines top to bottom
 * on each page, running headers and footers dropped, lines the PDF wrapped joined back into one line per
 * paragraph or list item, blank lines where the page leaves vertical space, typographic characters as ASCII.
 */
public final class BulletinLayout {

    /** Top and bottom share of a page where running headers and footers sit. */
    private static final double MARGIN_BAND = 0.09;
    /** A vertical step larger than this many line heights is a blank line on the page. */
    private static final double PARAGRAPH_GAP = 1.6;
    /** Baselines closer than this share of the line height are on one line of the page. */
    private static final double SAME_LINE = 0.5;
    /** A wrapped line spans at least this share of the body's width. */
    private static final double MIN_WRAPPED_SHARE = 0.5;
    /**
     * A wrapped line may start this many line heights, or this share of the text width, right of the line above
     * (a hanging indent: "10. Applicants ..." over "driver's license ..."), no more.
     */
    private static final double INDENT = 3;

    private static final double INDENT_SHARE = 0.06;
    /** A line reaching this close to the right margin, in line heights, beyond the next word's width, was wrapped. */
    private static final double WRAP_SLACK = 1.2;

    /** A line that starts a list item or a bullet: never the continuation of the line above. */
    private static final Pattern ITEM_START = Pattern.compile(
            "^\\s*(?:\\d{1,2}[.)]\\s|[a-zA-Z][.)]\\s|\\(\\w{1,3}\\)\\s|[*\\-]\\s?|[\\u2022\\u25AA\\u25CF\\u25E6\\uF0B7\\uF0A7])");

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Dot leaders of a table row (". . . . Qualifying"): each row stays a line of its own. */
    private static final Pattern LEADER_DOTS = Pattern.compile("(\\. ?){4,}");

    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)^\\s*(page\\s*)?\\d{1,3}(\\s*(of|/)\\s*\\d{1,3})?\\s*$");

    private BulletinLayout() {}

    /**
     * @param pageHeights the height of each page in points, index 0 for page 1
     */
    public static String text(List<TextLine> lines, float[] pageHeights) {
        List<List<TextLine>> pages = byPage(lines, pageHeights.length);
        dropRunningHeadersAndFooters(pages, pageHeights);
        Body body = Body.of(lines);
        StringBuilder out = new StringBuilder();
        TextLine previous = null;
        for (List<TextLine> page : pages) {
            boolean firstOnPage = true;
            for (TextLine line : page) {
                if (previous == null) {
                    out.append(PdfCharacters.normalise(line.text()).stripTrailing());
                } else if (continues(previous, line, body, firstOnPage)) {
                    appendContinuation(out, previous, line.text());
                } else {
                    out.append('\n');
                    if (!firstOnPage
                            && line.baseline() - previous.baseline()
                                    > PARAGRAPH_GAP * Math.max(previous.height(), line.height())) {
                        out.append('\n');
                    }
                    out.append(PdfCharacters.normalise(line.text()).stripTrailing());
                }
                previous = line;
                firstOnPage = false;
            }
            if (!page.isEmpty()) {
                // a page break reads as a paragraph break unless the last line runs on (checked above)
                previous = page.get(page.size() - 1);
            }
        }
        return out.append('\n').toString();
    }

    /**
     * Lines of each page, top to bottom, left to right on one baseline. Lines PDFBox separated stay separate
     * even on one baseline: the bulletins set "Class Code" and "Open Date" to the right of the title, and the
     * plain-text bulletins have them on lines of their own.
     */
    static List<List<TextLine>> byPage(List<TextLine> lines, int pageCount) {
        List<List<TextLine>> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            pages.add(new ArrayList<>());
        }
        for (TextLine line : lines) {
            pages.get(line.page() - 1).add(line);
        }
        for (List<TextLine> page : pages) {
            page.sort(Comparator.comparingDouble(TextLine::baseline));
        }
        return pages;
    }

    /**
     * Lines in the top or bottom band of the page that recur on other pages (digits ignored, so "Page 2" and
     * a revision date count as the same), and lone page numbers there.
     */
    static void dropRunningHeadersAndFooters(List<List<TextLine>> pages, float[] pageHeights) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (TextLine line : pages.get(i)) {
                if (inMarginBand(line, pageHeights[i])) {
                    pagesByKey.computeIfAbsent(key(line), k -> new HashSet<>()).add(i);
                }
            }
        }
        for (int i = 0; i < pages.size(); i++) {
            float height = pageHeights[i];
            pages.get(i)
                    .removeIf(line -> inMarginBand(line, height)
                            && (pagesByKey.get(key(line)).size() > 1
                                    || PAGE_NUMBER.matcher(line.text()).matches()));
        }
    }

    private static boolean inMarginBand(TextLine line, float pageHeight) {
        return line.baseline() < pageHeight * MARGIN_BAND || line.baseline() > pageHeight * (1 - MARGIN_BAND);
    }

    private static String key(TextLine line) {
        return DIGITS.matcher(line.text().strip().toLowerCase(Locale.ROOT))
                .replaceAll("#")
                .replaceAll("\\s+", " ");
    }

    /** Where the body text starts and ends: the 10th percentile of where longer lines start, the 90th of where they end. */
    record Body(float left, float right) {
        static Body of(List<TextLine> lines) {
            List<TextLine> longer = lines.stream()
                    .filter(line -> line.text().strip().length() > 30)
                    .toList();
            if (longer.isEmpty()) {
                return new Body(0, Float.MAX_VALUE);
            }
            float[] lefts = new float[longer.size()];
            float[] rights = new float[longer.size()];
            for (int i = 0; i < lefts.length; i++) {
                lefts[i] = longer.get(i).left();
                rights[i] = longer.get(i).right();
            }
            Arrays.sort(lefts);
            Arrays.sort(rights);
            return new Body(
                    lefts[(int) Math.round(0.1 * (lefts.length - 1))],
                    rights[(int) Math.round(0.9 * (rights.length - 1))]);
        }

        float width() {
            return right - left;
        }
    }

    /**
     * A line runs on from the one above when the one above was wrapped: it ends so near the right margin that
     * this line's first word would not have fitted, no blank space lies between them, and this line does not
     * start a list item.
     */
    private static boolean continues(TextLine previous, TextLine line, Body body, boolean firstOnPage) {
        if (ITEM_START.matcher(line.text()).find()
                || LEADER_DOTS.matcher(line.text()).find()
                || LEADER_DOTS.matcher(previous.text()).find()) {
            return false;
        }
        float lineHeight = Math.max(previous.height(), line.height());
        float step = line.baseline() - previous.baseline();
        if (!firstOnPage && (step > PARAGRAPH_GAP * lineHeight || step < SAME_LINE * lineHeight)) {
            return false;
        }
        if (line.left() > previous.left() + Math.max(INDENT * lineHeight, INDENT_SHARE * body.width())) {
            return false; // starts right of the line above: a column or a table cell, not the paragraph's next line
        }
        if (line.height() > 0
                && previous.height() > 0
                && Math.abs(line.height() - previous.height()) > 0.25 * lineHeight) {
            return false; // a change of type size: a heading or a footnote, not the same paragraph
        }
        if (previous.right() - previous.left() < MIN_WRAPPED_SHARE * body.width()) {
            return false; // a short line that ends at the margin is set flush right ("Open Date: ..."), not wrapped
        }
        float room = body.right() - previous.right();
        return room < line.firstWordWidth() + WRAP_SLACK * lineHeight;
    }

    private static void appendContinuation(StringBuilder out, TextLine previous, String rawText) {
        String text = PdfCharacters.normalise(rawText).strip();
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        // A hyphen the author typed stays ("full-" + "time"); a soft hyphen marks a word the layout broke.
        boolean hyphenated = end > 1 && out.charAt(end - 1) == '-' && Character.isLetter(out.charAt(end - 2));
        boolean softHyphen = previous.text().stripTrailing().endsWith("\u00AD");
        if (!hyphenated && !softHyphen) {
            out.append(' ');
        }
        out.append(text.stripTrailing());
    }
}
