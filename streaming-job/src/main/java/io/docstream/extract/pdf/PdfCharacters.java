package io.docstream.extract.pdf;

/**
 * Maps the typographic characters of a PDF's text layer to what the published plain-text bulletins use
 * (plain ASCII quotes, dashes, spaces and asterisk bullets), so the bulletin rules read both alike.
 */
final class PdfCharacters {

    private PdfCharacters() {}

    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u00A0', '\u2002', '\u2003', '\u2007', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' ->
                    out.append(' ');
                case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> {
                    // soft hyphen and zero-width characters: invisible on the page
                }
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                case '\u2022',
                        '\u2023',
                        '\u2043',
                        '\u25AA',
                        '\u25AB',
                        '\u25CF',
                        '\u25E6',
                        '\u25A0',
                        '\u25A1',
                        '\u2219',
                        '\u00B7',
                        '\uF0B7',
                        '\uF0A7',
                        '\uF076',
                        '\uF0D8',
                        '\uF0FC' -> out.append('*');
                case '\u2026' -> out.append("...");
                case '\uFB00' -> out.append("ff");
                case '\uFB01' -> out.append("fi");
                case '\uFB02' -> out.append("fl");
                case '\uFB03' -> out.append("ffi");
                case '\uFB04' -> out.append("ffl");
                case '\uFB05', '\uFB06' -> out.append("st");
                case '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
