package io.docstream.extract.bulletin;

/** A line recognised as a heading, with any text that follows the heading on the same line ("DUTIES: ..."). */
public record HeadingMatch(Heading heading, String inlineText) {}
