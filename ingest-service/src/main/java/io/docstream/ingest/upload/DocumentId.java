package io.docstream.ingest.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The stable id of a document: the first 128 bits, in lowercase hex, of
 * SHA-256(content SHA-256 in lowercase hex + "\n" + sanitized file name in UTF-8). The same bytes under
 * the same name always get the same id, so a retried upload finds its first copy.
 */
public final class DocumentId {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    private DocumentId() {}

    public static String of(String contentSha256, String fileName) {
        MessageDigest digest = ContentSpooler.sha256();
        digest.update(contentSha256.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\n');
        digest.update(fileName.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }
}
