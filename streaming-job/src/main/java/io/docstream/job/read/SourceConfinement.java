package io.docstream.job.read;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.fs.Path;

/**
 * The job reads only what lies under its configured input location: an event is untrusted input, and
 * without this check a crafted {@code uri} would make the job read (and publish into the table) any file
 * or bucket its credentials reach. A URI is allowed when it has the input's scheme and bucket/authority
 * and its path, with {@code .} and {@code ..} resolved, lies strictly below the input's path — both as
 * written and after percent-decoding, so that neither reading of {@code %2e%2e} can escape. The path
 * that is then opened is the checked one, never the raw string.
 */
public final class SourceConfinement implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String scheme;
    private final String authority;
    private final String rootPath;

    public sealed interface Decision {}

    /** @param path the normalised path to open */
    public record Allowed(Path path) implements Decision {}

    public record Forbidden(String reason) implements Decision {}

    public SourceConfinement(String inputLocation) {
        URI root = new Path(inputLocation).toUri();
        if (root.getScheme() == null || root.getPath() == null || root.getPath().isEmpty()) {
            throw new IllegalArgumentException("the input location must be absolute with a scheme: " + inputLocation);
        }
        this.scheme = root.getScheme().toLowerCase(Locale.ROOT);
        this.authority = emptyIfNull(root.getAuthority());
        this.rootPath = withoutTrailingSlash(root.getPath());
    }

    public Decision check(String uri) {
        if (uri == null || uri.isBlank()) {
            return new Forbidden("no uri");
        }
        if (uri.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return new Forbidden("control characters or backslashes in the uri");
        }
        URI parsed;
        try {
            parsed = new Path(uri).toUri();
        } catch (IllegalArgumentException e) {
            return new Forbidden("not a valid location: " + e.getMessage());
        }
        if (parsed.getScheme() == null
                || !parsed.getScheme().toLowerCase(Locale.ROOT).equals(scheme)) {
            return new Forbidden("scheme '" + parsed.getScheme() + "' is not the input's '" + scheme + "'");
        }
        if (!emptyIfNull(parsed.getAuthority()).equals(authority)) {
            return new Forbidden(
                    "'" + parsed.getAuthority() + "' is not the input's bucket or host '" + authority + "'");
        }
        String path = parsed.getPath();
        String decoded = percentDecoded(path);
        if (!isBelowRoot(path) || !isBelowRoot(decoded)) {
            return new Forbidden("the path is outside the input location " + scheme + "://" + authority + rootPath);
        }
        return new Allowed(new Path(parsed.getScheme(), parsed.getAuthority(), path));
    }

    private boolean isBelowRoot(String path) {
        String normalised =
                URI.create("x:" + encodeForNormalising(path)).normalize().getSchemeSpecificPart();
        if (normalised.contains("..") && normalised.matches("(^|.*/)\\.\\.(/.*|$)")) {
            return false;
        }
        String decodedNormalised = percentDecoded(normalised);
        return decodedNormalised.startsWith(rootPath + "/")
                && decodedNormalised.length() > rootPath.length() + 1
                && !decodedNormalised.endsWith("/");
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** {@link URI#normalize()} on a path with any characters: escape what URI syntax does not allow, keep '/' and '.'. */
    private static String encodeForNormalising(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '/'
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /** Decodes every valid %XX escape (as UTF-8); anything else is kept as written. */
    static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String emptyIfNull(String text) {
        return text == null ? "" : text;
    }

    private static String withoutTrailingSlash(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.equals("/") ? "" : trimmed;
    }
}
