package io.docstream.ingest.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void contentDispositionGivesTheNameInEachOfItsForms() {
        assertEquals(
                Optional.of("ZOO CURATOR.txt"),
                FileNames.fromContentDisposition("attachment; filename=\"ZOO CURATOR.txt\""));
        assertEquals(Optional.of("plain.txt"), FileNames.fromContentDisposition("attachment; filename=plain.txt"));
        assertEquals(
                Optional.of("Zoë curator.txt"),
                FileNames.fromContentDisposition(
                        "attachment; filename=\"fallback.txt\"; filename*=UTF-8''Zo%C3%AB%20curator.txt"));
        assertEquals(
                Optional.of("say \"hi\".txt"),
                FileNames.fromContentDisposition("attachment; filename=\"say \\\"hi\\\".txt\""));
        assertEquals(Optional.empty(), FileNames.fromContentDisposition("attachment"));
        assertEquals(Optional.empty(), FileNames.fromContentDisposition(null));
    }

    @Test
    void pathsControlCharactersAndLeadingDotsAreRemoved() {
        assertEquals("passwd", FileNames.sanitize("../../etc/passwd"));
        assertEquals("evil.txt", FileNames.sanitize("C:\\Users\\x\\evil.txt"));
        assertEquals("ab.txt", FileNames.sanitize("a\u0000b\r\n.txt"));
        assertEquals("hidden.json", FileNames.sanitize("..hidden.json"));
        assertEquals(
                "AIRPORT POLICE SPECIALIST 3236 063017 (2).txt",
                FileNames.sanitize("AIRPORT POLICE SPECIALIST 3236 063017 (2).txt"));
    }

    @Test
    void aNameWithNothingLeftIsRejected() {
        UploadRejected rejected = assertThrows(UploadRejected.class, () -> FileNames.sanitize("../.."));
        assertEquals(Rejection.INVALID_FILE_NAME, rejected.reason());
        assertThrows(UploadRejected.class, () -> FileNames.sanitize(" \u0007 "));
    }

    @Test
    void aLongNameIsCutTo255BytesKeepingItsExtension() {
        String name = FileNames.sanitize("é".repeat(300) + ".json");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_BYTES);
        assertTrue(name.endsWith("é.json"), name);
    }

    @Test
    void aQuotedNameOfThousandsOfCharactersOrEscapesParses() {
        String plain = "q".repeat(20_000);
        assertEquals(Optional.of(plain), FileNames.fromContentDisposition("attachment; filename=\"" + plain + "\""));
        String escaped = "\\a".repeat(5_000);
        assertEquals(
                Optional.of("a".repeat(5_000)),
                FileNames.fromContentDisposition("attachment; filename=\"" + escaped + "\""));
    }

    @Test
    void windowsDeviceNamesGetAnUnderscore() {
        assertEquals("_CON.txt", FileNames.sanitize("CON.txt"));
        assertEquals("_aux", FileNames.sanitize("aux"));
        assertEquals("_COM1.tar.json", FileNames.sanitize("COM1.tar.json"));
        assertEquals("CONSOLE.txt", FileNames.sanitize("CONSOLE.txt"));
    }
}
