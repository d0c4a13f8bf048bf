package io.docstream.contract;

import java.util.List;

/**
 * The names of the event data's fields, in wire order, for code that reads or writes them. The definition is
 * docs/events.schema.json: tests in both services fail when {@link #ALL} and the schema's properties differ.
 */
public final class ArrivalFields {

    public static final String DOC_ID = "doc_id";
    public static final String FILE_NAME = "file_name";
    public static final String DOC_TYPE = "doc_type";
    public static final String URI = "uri";
    public static final String BUCKET = "bucket";
    public static final String KEY = "key";
    public static final String SIZE = "size";
    public static final String SHA256 = "sha256";
    public static final String CONTENT_TYPE = "content_type";
    public static final String RECEIVED_AT = "received_at";

    public static final List<String> ALL =
            List.of(DOC_ID, FILE_NAME, DOC_TYPE, URI, BUCKET, KEY, SIZE, SHA256, CONTENT_TYPE, RECEIVED_AT);

    private ArrivalFields() {}
}
