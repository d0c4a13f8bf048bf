package io.docstream.ingest.upload;

/** The JSON body of every error answer: a reason code and a sentence for people. */
public record ErrorBody(String error, String message) {}
