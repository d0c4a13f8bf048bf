package io.docstream.ingest.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks that the bytes are what their type promises, reading the spooled file as a stream: a bulletin
 * has no NUL bytes (that is binary data), a PDF bulletin starts with %PDF-, a JSON record file is one
 * object or a non-empty array of objects. JSON errors carry the parser's line and column.
 */
@ApplicationScoped
public class ContentValidator {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final JsonFactory json = JsonFactory.builder().build();

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
            throw new UploadRejected(Rejection.BINARY_TEXT, "the text contains NUL bytes: it is binary data, not a bulletin");
        }
    }

    /**
     * A PDF starts with its magic number; whether the rest parses is for the extractor to find out (it
     * quarantines a truncated or broken PDF with its reason), as it is for the rules of a bulletin.
     */
    private static void requirePdf(SpooledContent content) {
        byte[] head = content.head();
        if (head.length < PDF_MAGIC.length || !Arrays.equals(head, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new UploadRejected(Rejection.NOT_PDF,
                    "the upload is declared as a PDF but does not start with %PDF-: it is not a PDF");
        }
    }

    private void requireRecords(SpooledContent content) {
        try (InputStream in = content.open(); JsonParser parser = json.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
            } else if (first == JsonToken.START_ARRAY) {
                requireArrayOfObjects(parser);
            } else {
                throw notRecords(parser, "the JSON value is " + describe(first) + ", not an object or an array of objects");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw notRecords(parser, "unexpected " + describe(trailing) + " after the end of the JSON value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UploadRejected(Rejection.INVALID_JSON, "the JSON does not parse at line "
                    + (at == null ? "?" : at.getLineNr()) + ", column " + (at == null ? "?" : at.getColumnNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled upload", e);
        }
    }

    private static void requireArrayOfObjects(JsonParser parser) throws IOException {
        int records = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw notRecords(parser, "element " + (records + 1) + " of the array is " + describe(token)
                        + ", not an object");
            }
            parser.skipChildren();
            records++;
        }
        if (records == 0) {
            throw notRecords(parser, "the array holds no records");
        }
    }

    private static UploadRejected notRecords(JsonParser parser, String what) {
        JsonLocation at = parser.currentTokenLocation();
        return new UploadRejected(Rejection.NOT_JSON_RECORDS,
                what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
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
