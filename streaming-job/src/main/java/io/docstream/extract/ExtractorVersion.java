package io.docstream.extract;

/**
 * The version of the extraction rules, written to every row's {@code extractor_version}.
 * Change it whenever a rule changes what a document yields, so rows from old and new rules can be told apart.
 */
public final class ExtractorVersion {

    public static final String CURRENT = "bulletin-rules-2";

    private ExtractorVersion() {}
}
