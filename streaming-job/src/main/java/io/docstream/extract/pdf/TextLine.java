package io.docstream.extract.pdf;

/**
 * One line of a page as laid out, in PDF points from the page's top-left corner: where it starts and ends,
 * its baseline, its type size (line height), and the width of its first word (to tell a wrapped line from a short one).
 */
public record TextLine(
        int page, float left, float right, float baseline, float height, float firstWordWidth, String text) {}
