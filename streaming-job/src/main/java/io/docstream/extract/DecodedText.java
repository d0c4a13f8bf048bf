package io.docstream.extract;

/** A document's text and whether it had to be read as Windows-1252 because it was not valid UTF-8. */
public record DecodedText(String text, boolean windows1252) {}
