package io.docstream.ingest.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.docstream.contract.DocType;
import io.docstream.ingest.config.IngestConfig;
import io.docstream.limits.DocumentLimits;
import io.docstream.limits.TextContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks that the bytes are what their type promises, reading the spooled file as a stream: a bulletin
 * has no NUL bytes and no more control characters than text has ({@link TextContent}, the job's own rule), a
 * PDF bulletin starts with %PDF-, a JSON record file is one object or a non-empty array of at most
 * {@code max-records} objects, every string, number and nesting level within the job parser's limits
 * ({@link DocumentLimits}). JSON errors carry the parser's line and column.
 */
@ApplicationScoped
public class ContentValidator {

    /** Enough bytes to hold {@link TextContent#SNIFF_CHARS} characters of UTF-8 text. */
    private static final int SNIFF_BYTES = TextContent.SNIFF_CHARS * 4;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final DocumentLimits limits;
    private final JsonFactory json;

    public ContentValidator(IngestConfig config) {
        this.limits = config.upload().limits();
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxStringChars())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberChars())
                        .build())
                .build();
    }

    public void validate(DocType type, SpooledContent content) {
        if (content.size() == 0) {
            throw new UploadRejected(Rejection.EMPTY_BODY, "the document is empty");
        }
        switch (type) {
            case BULLETIN -> requireText(content);
            case BULLETIN_PDF -> requirePdf(content);
            case JSON_RECORD -> requireRecords(content);
        }
    }

    private static void requireText(SpooledContent content) {
        if (content.containsNul()) {
            throw new UploadRejected(
                    Rejection.BINARY_TEXT, "the text contains NUL bytes: it is binary data, not a bulletin");
        }
        String start;
        try (InputStream in = content.open()) {
            start = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
        int controls = TextContent.excessControlCharacters(start);
        if (controls > 0) {
            throw new UploadRejected(
                    Rejection.BINARY_TEXT,
                    "the text has " + controls + " control characters in its first "
                            + TextContent.sniffed(start) + " (more than " + TextContent.MAX_CONTROL_PERCENT
                            + "%): it is binary data, not a bulletin");
        }
    }

    /**
     * A PDF starts with its magic number; whether the rest parses is for the extractor to find out (it
     * quarantines a truncated or broken PDF with its reason), as it is for the rules of a bulletin.
     */
    private static void requirePdf(SpooledContent content) {
        byte[] head = content.head();
        if (head.length < PDF_MAGIC.length
                || !Arrays.equals(head, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new UploadRejected(
                    Rejection.NOT_PDF,
                    "the upload is declared as a PDF but does not start with %PDF-: it is not a PDF");
        }
    }

    private void requireRecords(SpooledContent content) {
        try (InputStream in = content.open();
                JsonParser parser = json.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readValue(parser);
            } else if (first == JsonToken.START_ARRAY) {
                requireArrayOfObjects(parser);
            } else {
                throw notRecords(
                        parser, "the JSON value is " + describe(first) + ", not an object or an array of objects");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw notRecords(parser, "unexpected " + describe(trailing) + " after the end of the JSON value");
            }
        } catch (StreamConstraintsException e) {
            JsonLocation at = e.getLocation();
            throw new UploadRejected(
                    Rejection.JSON_LIMIT_EXCEEDED,
                    "the JSON breaks a limit the pipeline's parser keeps"
                            + " (at line " + (at == null ? "?" : at.getLineNr()) + ", column "
                            + (at == null ? "?" : at.getColumnNr())
                            + "): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UploadRejected(
                    Rejection.INVALID_JSON,
                    "the JSON does not parse at line "
                            + (at == null ? "?" : at.getLineNr()) + ", column " + (at == null ? "?" : at.getColumnNr())
                            + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }

    /**
     * Reads the value the parser is at to its end, every string in full: skipping (skipChildren) would not
     * measure strings against the length limit, and the job's parser, which reads them, would fail on them.
     */
    private static void readValue(JsonParser parser) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                parser.getText();
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                parser.getNumberValue();
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        } while (token != null);
    }

    private void requireArrayOfObjects(JsonParser parser) throws IOException {
        int records = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw notRecords(
                        parser, "element " + (records + 1) + " of the array is " + describe(token) + ", not an object");
            }
            records++;
            if (records > limits.maxRecords()) {
                throw new UploadRejected(
                        Rejection.TOO_MANY_RECORDS,
                        "the array holds more than " + limits.maxRecords()
                                + " records, the most one document may hold (docstream.upload.max-records)");
            }
            readValue(parser);
        }
        if (records == 0) {
            throw notRecords(parser, "the array holds no records");
        }
    }

    private static UploadRejected notRecords(JsonParser parser, String what) {
        JsonLocation at = parser.currentTokenLocation();
        return new UploadRejected(
                Rejection.NOT_JSON_RECORDS, what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
