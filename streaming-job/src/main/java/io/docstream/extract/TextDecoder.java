package io.docstream.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text: UTF-8 without its byte order mark; anything that is not valid UTF-8 is read as Windows-1252,
 * the other encoding the bulletins were published in. Never produces replacement characters.
 */
public final class TextDecoder {

    private static final char[] WINDOWS_1252_HIGH = buildWindows1252High();
    private static final char REPLACEMENT = '\uFFFD';

    private TextDecoder() {}

    public static DecodedText decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        // The JDK's UTF-8 decoding is fast but replaces malformed input with U+FFFD. No U+FFFD in the result
        // means the bytes were valid; one that the bytes did not spell out (EF BF BD) means they were not.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return new DecodedText(text, false);
        }
        return containsEncodedReplacement(bytes, start)
                ? strictUtf8OrWindows1252(bytes, start)
                : new DecodedText(decodeWindows1252(bytes, 0), true);
    }

    private static DecodedText strictUtf8OrWindows1252(byte[] bytes, int start) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return new DecodedText(chars.toString(), false);
        } catch (CharacterCodingException notUtf8) {
            // Expected for legacy files: the exception is the answer to "is this UTF-8?", not a failure.
            return new DecodedText(decodeWindows1252(bytes, 0), true);
        }
    }

    private static boolean containsEncodedReplacement(byte[] bytes, int start) {
        for (int i = start; i + 2 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xEF && (bytes[i + 1] & 0xFF) == 0xBF && (bytes[i + 2] & 0xFF) == 0xBD) {
                return true;
            }
        }
        return false;
    }

    /**
     * Windows-1252 by table. The five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to
     * the C1 control characters of the same value, as Latin-1 does, so no byte is lost or replaced.
     */
    static String decodeWindows1252(byte[] bytes, int start) {
        char[] chars = new char[bytes.length - start];
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            chars[i - start] = b >= 0x80 && b < 0xA0 ? WINDOWS_1252_HIGH[b - 0x80] : (char) b;
        }
        return new String(chars);
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static char[] buildWindows1252High() {
        String table =
                "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        return table.toCharArray();
    }
}
