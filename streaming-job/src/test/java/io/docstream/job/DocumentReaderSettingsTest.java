package io.docstream.job;

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
}
