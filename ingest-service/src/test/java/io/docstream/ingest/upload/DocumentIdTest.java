package io.docstream.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocumentIdTest {

    private static final String SHA = "9a3f0e0c5b8f7d6e5c4b3a29180706f5e4d3c2b1a09f8e7d6c5b4a3928170605";

    @Test
    void theSameBytesUnderTheSameNameHaveTheSameId() {
        String id = DocumentId.of(SHA, "ADMINISTRATIVE ANALYST 1590 060118.txt");
        assertEquals(id, DocumentId.of(SHA, "ADMINISTRATIVE ANALYST 1590 060118.txt"));
        assertTrue(DocumentId.isWellFormed(id), id);
        assertEquals(32, id.length());
    }

    @Test
    void anotherNameOrOtherBytesGiveAnotherId() {
        String id = DocumentId.of(SHA, "a.txt");
        assertNotEquals(id, DocumentId.of(SHA, "b.txt"));
        assertNotEquals(id, DocumentId.of(SHA.replace('9', '8'), "a.txt"));
    }

    @Test
    void onlyLowercaseHexOf32IsAnId() {
        assertFalse(DocumentId.isWellFormed("3F2B9C1E0A7D4B5C8E6F1A2B3C4D5E6F"));
        assertFalse(DocumentId.isWellFormed("../../etc"));
        assertFalse(DocumentId.isWellFormed(null));
    }
}
