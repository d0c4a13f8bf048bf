package io.docstream.ingest.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The last segment of a document's key, from its file name: the name itself when it is at most
 * {@value #MAX_BYTES} UTF-8 bytes, else the name cut (before its extension) plus {@code ~} and 16 hex digits
 * of the name's SHA-256, so two long names that share a beginning still get two keys.
 *
 * <p>Why so short: the key segment becomes a file name on file-backed stores, and those add to it (s3proxy's
 * filesystem backend writes a temporary file of the name plus 37 bytes, the local store a staging name),
 * while ext4, XFS and APFS allow 255 bytes per name. A name past that gave a store error no retry could fix.
 * The whole file name stays in the document's metadata and receipt.
 */
public final class KeySegment {

    public static final int MAX_BYTES = 160;
    private static final int HASH_HEX_DIGITS = 16;
    private static final int LONGEST_EXTENSION = 16;

    private KeySegment() {}

    public static String of(String fileName) {
        if (utf8Length(fileName) <= MAX_BYTES) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot > 0 && fileName.length() - dot <= LONGEST_EXTENSION ? fileName.substring(dot) : "";
        String suffix = "~" + hash(fileName) + extension;
        int budget = MAX_BYTES - utf8Length(suffix);
        String stem = fileName.substring(0, fileName.length() - extension.length());
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int codePoint = stem.codePointAt(i);
            int bytes = utf8Length(new String(Character.toChars(codePoint)));
            if (used + bytes > budget) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += bytes;
            i += Character.charCount(codePoint);
        }
        return cut.toString().strip() + suffix;
    }

    private static String hash(String fileName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
