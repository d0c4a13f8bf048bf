package io.docstream.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Which S3A settings the document reads override: only Hadoop's defaults, never a value someone set. */
class DocumentReaderSettingsTest {

    @Test
    void aDefaultFromCoreDefaultXmlIsNotExplicit() {
        Configuration conf = new Configuration();
        assertFalse(DocumentReader.explicitlySet(conf, DocumentReader.S3A_AUDIT_ENABLED));
        assertFalse(DocumentReader.explicitlySet(conf, "docstream.no.such.key"));
    }

    @Test
    void aValueSetByTheJobOrTheUserIsExplicit() {
        Configuration conf = new Configuration();
        conf.set(DocumentReader.S3A_AUDIT_ENABLED, "true");
        assertTrue(DocumentReader.explicitlySet(conf, DocumentReader.S3A_AUDIT_ENABLED));
    }

    @Test
    void documentReadsUseTheClassicStreamNoAuditAndNoPerRequestTimersUnlessSomeoneSetThem() {
        Configuration defaults = DocumentReader.forDocumentReads(new Configuration());
        assertEquals(DocumentReader.CLASSIC_STREAM, defaults.get(DocumentReader.S3A_INPUT_STREAM_TYPE));
        assertEquals("false", defaults.get(DocumentReader.S3A_AUDIT_ENABLED));
        assertEquals("0", defaults.get(DocumentReader.S3A_REQUEST_TIMEOUT));

        Configuration chosen = new Configuration();
        chosen.set(DocumentReader.S3A_INPUT_STREAM_TYPE, "prefetch");
        chosen.set(DocumentReader.S3A_AUDIT_ENABLED, "true");
        chosen.set(DocumentReader.S3A_REQUEST_TIMEOUT, "30s");
        Configuration kept = DocumentReader.forDocumentReads(chosen);
        assertEquals("prefetch", kept.get(DocumentReader.S3A_INPUT_STREAM_TYPE));
        assertEquals("true", kept.get(DocumentReader.S3A_AUDIT_ENABLED));
        assertEquals("30s", kept.get(DocumentReader.S3A_REQUEST_TIMEOUT));
    }
}
