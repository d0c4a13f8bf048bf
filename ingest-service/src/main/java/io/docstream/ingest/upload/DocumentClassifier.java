package io.docstream.ingest.upload;

import io.docstream.contract.DocType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides what an upload is from both what the client declared and what the bytes are: a declared
 * type we do not read is refused, and so is a body whose first bytes are a known binary format other
 * than the declared one (a PDF sent as text/plain is still a PDF, a PNG sent as application/pdf is no
 * PDF). A declaration that says nothing (absent or application/octet-stream, common for multipart
 * parts) falls back to the file name's extension.
 */
@ApplicationScoped
public class DocumentClassifier {

    private record Magic(String format, byte[] prefix) {
        boolean matches(byte[] head) {
            return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    private static final Magic PDF = magic("PDF", "%PDF-");

    private static final List<Magic> BINARY_FORMATS = List.of(
            PDF,
            magic("PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            magic("JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            magic("GIF image", "GIF8"),
            magic("TIFF image", new byte[] {'I', 'I', 42, 0}),
            magic("TIFF image", new byte[] {'M', 'M', 0, 42}),
            magic("ZIP archive (or Office document)", new byte[] {'P', 'K', 3, 4}),
            magic("gzip archive", new byte[] {0x1F, (byte) 0x8B}),
            magic("OLE2 document (old Office)", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}),
            magic("RIFF media (WebP, WAV, AVI)", "RIFF"),
            magic("ELF executable", new byte[] {0x7F, 'E', 'L', 'F'}));

    /** The type of an upload from its declaration and its first bytes. */
    public DocType classify(String declaredType, String fileName, byte[] head) {
        DocType declared = fromDeclaration(declaredType, fileName);
        for (Magic magic : BINARY_FORMATS) {
            if (magic.matches(head) && !(magic == PDF && declared == DocType.BULLETIN_PDF)) {
                throw new UploadRejected(
                        Rejection.UNSUPPORTED_MEDIA_TYPE,
                        "the content is a " + magic.format()
                                + (magic == PDF ? "; send it as application/pdf (or with a .pdf name)" : "")
                                + "; accepted are text and PDF bulletins and JSON records");
            }
        }
        return declared;
    }

    /** The type the declaration (or, failing that, the file name) promises; checked before reading a byte. */
    public DocType fromDeclaration(String declaredType, String fileName) {
        String mediaType = essence(declaredType);
        switch (mediaType) {
            case "text/plain":
                return DocType.BULLETIN;
            case "application/json", "text/json":
                return DocType.JSON_RECORD;
            case "application/pdf", "application/x-pdf":
                return DocType.BULLETIN_PDF;
            case "", "application/octet-stream":
                return byExtension(fileName, declaredType);
            default:
                if (mediaType.endsWith("+json")) {
                    return DocType.JSON_RECORD;
                }
                throw unsupported(declaredType);
        }
    }

    private static DocType byExtension(String fileName, String declaredType) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return DocType.BULLETIN;
        }
        if (lower.endsWith(".json")) {
            return DocType.JSON_RECORD;
        }
        if (lower.endsWith(".pdf")) {
            return DocType.BULLETIN_PDF;
        }
        throw new UploadRejected(
                Rejection.UNSUPPORTED_MEDIA_TYPE,
                "the upload is declared as '"
                        + (declaredType == null ? "nothing" : declaredType) + "' and its name '" + fileName
                        + "' ends in none of .txt, .pdf, .json; send text/plain, application/pdf or application/json");
    }

    private static UploadRejected unsupported(String declaredType) {
        return new UploadRejected(
                Rejection.UNSUPPORTED_MEDIA_TYPE,
                "the media type '" + declaredType
                        + "' is not accepted; send text/plain or application/pdf (a bulletin) or application/json (records)");
    }

    /** The type/subtype without parameters, lowercased ("" when absent). */
    private static String essence(String declaredType) {
        if (declaredType == null) {
            return "";
        }
        int semicolon = declaredType.indexOf(';');
        return (semicolon < 0 ? declaredType : declaredType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static Magic magic(String format, String prefix) {
        return new Magic(format, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static Magic magic(String format, byte[] prefix) {
        return new Magic(format, prefix);
    }
}
