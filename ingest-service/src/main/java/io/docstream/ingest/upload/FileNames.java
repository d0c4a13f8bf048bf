package io.docstream.ingest.upload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name an uploader gave, made safe to use as the last segment of an object key: no path,
 * no control characters, no leading dots, no Windows device name, NFC-normalized, at most {@value #MAX_BYTES}
 * UTF-8 bytes (cut before the extension so the name keeps telling what it is). Stores may shorten it further
 * in their keys ({@code store.KeySegment}); the name itself is kept whole in the metadata and the receipt.
 */
public final class FileNames {

    public static final int MAX_BYTES = 255;

    private static final Pattern EXTENDED =
            Pattern.compile("filename\\*\\s*=\\s*([^';]*)'[^']*'([^;]+)", Pattern.CASE_INSENSITIVE);
    /** Only where a quoted value starts: its content is scanned by {@link #quotedValue}, not by a regex. */
    private static final Pattern QUOTED_START = Pattern.compile("filename\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);

    private static final Pattern TOKEN = Pattern.compile("filename\\s*=\\s*([^;\\s]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern WINDOWS_DEVICE = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])", Pattern.CASE_INSENSITIVE);

    private FileNames() {}

    /** The {@code filename*} (RFC 6266/5987) or {@code filename} parameter of a Content-Disposition header. */
    public static Optional<String> fromContentDisposition(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            String charset =
                    extended.group(1).isBlank() ? "UTF-8" : extended.group(1).trim();
            try {
                return Optional.of(URLDecoder.decode(
                        extended.group(2).trim().replace("+", "%2B"),
                        java.nio.charset.Charset.forName(charset.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new UploadRejected(
                        Rejection.INVALID_FILE_NAME,
                        "the filename* parameter of Content-Disposition cannot be decoded: " + e.getMessage());
            }
        }
        Matcher quoted = QUOTED_START.matcher(header);
        if (quoted.find()) {
            Optional<String> value = quotedValue(header, quoted.end());
            if (value.isPresent()) {
                return value;
            }
        }
        Matcher token = TOKEN.matcher(header);
        return token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }

    /**
     * The RFC 9110 quoted-string starting at {@code start} (just after the opening quote), unescaped; empty when
     * it is never closed. A loop, not a regex: a regex alternation recurses once per character, and a quoted
     * name of a few thousand characters overflowed the stack.
     */
    private static Optional<String> quotedValue(String header, int start) {
        StringBuilder value = new StringBuilder();
        for (int i = start; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                return Optional.of(value.toString());
            }
            if (c == '\\' && i + 1 < header.length()) {
                c = header.charAt(++i);
            }
            value.append(c);
        }
        return Optional.empty();
    }

    /** Sanitizes {@code given}; a name that is nothing once sanitized is rejected. */
    public static String sanitize(String given) {
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && c != '\u2028'
                        && c != '\u2029')
                .forEach(kept::appendCodePoint);
        String cleaned = stripLeadingDots(kept.toString().strip()).strip();
        if (cleaned.isEmpty()) {
            throw new UploadRejected(
                    Rejection.INVALID_FILE_NAME,
                    "the file name '" + printable(given)
                            + "' has nothing left once path, control characters and leading dots are removed");
        }
        return capBytes(notADeviceName(cleaned));
    }

    /**
     * Windows opens a device, not a file, for CON, PRN, AUX, NUL, COM1-9 and LPT1-9, with any extension: whoever
     * saves a document under its name there must get a file, so such a name gets a leading underscore.
     */
    static String notADeviceName(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return WINDOWS_DEVICE.matcher(stem).matches() ? "_" + name : name;
    }

    private static String stripLeadingDots(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '.') {
            i++;
        }
        return name.substring(i);
    }

    private static String capBytes(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_BYTES - utf8Length(extension);
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if (utf8Length(cut.toString()) + utf8Length(next) > budget) {
                break;
            }
            cut.append(next);
            i += Character.charCount(cp);
        }
        return cut.toString().strip() + extension;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
