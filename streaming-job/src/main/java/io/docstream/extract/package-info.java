/**
 * The extraction engine: one stored document's bytes to rows of the output table (shared/spec/fields.md), or a
 * quarantine reason. {@link io.docstream.extract.DocumentExtractor} is the entry point; it caps the size,
 * decodes the text ({@link io.docstream.extract.TextDecoder}), rejects what cannot be read, then hands bulletins
 * to {@link io.docstream.extract.BulletinExtractor} and JSON record files to
 * {@link io.docstream.extract.JsonRecordReader}. Pure Java and Jackson: no Spark, no HTTP, no I/O of its own.
 *
 * <p>Changing what any rule yields means changing {@link io.docstream.extract.ExtractorVersion#CURRENT}.
 */
package io.docstream.extract;
