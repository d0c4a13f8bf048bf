package io.docstream.extract.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text stripper, kept in content-stream order (its sort-by-position splits kerned words such as
 * "v arious" in the corpus), with each line's geometry recorded instead of plain text. Checks the deadline
 * at every content-stream operator, so a page with millions of operators cannot hold a partition.
 */
final class PositionedLines extends PDFTextStripper {

    private final Deadline deadline;
    private final List<TextLine> lines = new ArrayList<>();
    private StringBuilder text;
    private float left;
    private float right;
    private float baseline;
    private float height;
    private float firstWordWidth;
    private boolean firstWord;
    private int page;

    private PositionedLines(Deadline deadline) {
        this.deadline = deadline;
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(true);
        setLineSeparator("\n");
    }

    /** Every text line of the document, page by page in content-stream order. */
    static List<TextLine> of(PDDocument document, Deadline deadline) throws IOException {
        PositionedLines stripper = new PositionedLines(deadline);
        stripper.writeText(document, new StringWriter());
        stripper.endLine();
        return stripper.lines;
    }

    @Override
    protected void startPage(PDPage pdPage) throws IOException {
        deadline.check();
        endLine();
        page = getCurrentPageNo();
        super.startPage(pdPage);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        deadline.check();
        super.processOperator(operator, operands);
    }

    @Override
    protected void writeString(String word, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        if (text == null) {
            text = new StringBuilder();
            baseline = positions.get(0).getYDirAdj();
            left = Float.NaN;
            right = Float.NaN;
            height = 0;
            firstWord = true;
        } else {
            text.append(' ');
        }
        text.append(word);
        float wordLeft = Float.NaN;
        for (TextPosition position : positions) {
            height = Math.max(height, typeSize(position));
            float glyphRight = position.getXDirAdj() + position.getWidthDirAdj();
            // Leading spaces (the bulletins indent with space glyphs) say nothing about where the text starts;
            // PDFBox hands over runs with spaces inside, so the first word ends at the first space after it.
            if (position.getUnicode().isBlank()) {
                if (firstWord && !Float.isNaN(wordLeft)) {
                    firstWord = false;
                }
                continue;
            }
            if (Float.isNaN(left)) {
                left = position.getXDirAdj();
            }
            if (firstWord) {
                if (Float.isNaN(wordLeft)) {
                    wordLeft = position.getXDirAdj();
                }
                firstWordWidth = glyphRight - wordLeft;
            }
            right = Float.isNaN(right) ? glyphRight : Math.max(right, glyphRight);
        }
        if (!Float.isNaN(wordLeft)) {
            firstWord = false; // a word run that ended without a space
        }
    }

    /**
     * The type size in points (font size times the text matrix' scale): what line spacing follows. PDFBox's
     * glyph height is often only the x-height, too small to tell a line step from a blank line.
     */
    private static float typeSize(TextPosition position) {
        float size = position.getFontSizeInPt();
        return size >= 1 ? size : position.getHeightDir();
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
    }

    private void endLine() {
        if (text != null && !Float.isNaN(left)) {
            lines.add(new TextLine(page, left, right, baseline, height, firstWordWidth, text.toString()));
        }
        text = null;
    }
}
