package io.docstream.ingest.upload;

import io.docstream.contract.DocType;

/** An upload that passed every check and has its id: ready to be stored and announced. */
public record CheckedUpload(String docId, String fileName, DocType docType, SpooledContent content) {}
