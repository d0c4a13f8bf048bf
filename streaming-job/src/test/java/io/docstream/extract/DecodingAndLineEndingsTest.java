package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodingAndLineEndingsTest {

    private static final String ADMINISTRATIVE_ANALYST = "ADMINISTRATIVE ANALYST 1590 060118.txt";

    private final DocumentExtractor extractor = new DocumentExtractor();

    private ExtractedRow bulletin(String fileName, byte[] bytes) {
        return assertInstanceOf(Extraction.Extracted.class, extractor.extract(DocType.BULLETIN, fileName, bytes))
                .rows()
                .get(0);
    }

    @Test
    void aWindows1252BulletinKeepsItsCharactersAndSaysHowItWasRead() {
        ExtractedRow row =
                bulletin("cafe-manager-windows-1252.txt", Fixtures.bytes("encoding/cafe-manager-windows-1252.txt"));
        assertEquals("CAF\u00c9 MANAGER", row.position());
        assertEquals(
                "A Caf\u00e9 Manager runs the city\u2019s caf\u00e9s \u2013 menus, staff and \u201csupplies\u201d.",
                row.duties());
        assertTrue(row.parseWarnings().contains("DECODED_AS_WINDOWS_1252"));
        assertFalse(row.duties().contains("\uFFFD"));
    }

    @Test
    void undefinedWindows1252BytesAreKeptNotReplaced() {
        DecodedText decoded = TextDecoder.decode(new byte[] {'a', (byte) 0x81, (byte) 0x80, 'b'});
        assertTrue(decoded.windows1252());
        assertEquals("a\u0081\u20ACb", decoded.text());
    }

    @Test
    void utf8IsReadAsUtf8AndItsByteOrderMarkDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "CAF\u00c9 MANAGER\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        DecodedText decoded = TextDecoder.decode(bytes);
        assertEquals("CAF\u00c9 MANAGER\r\n", decoded.text());
        assertFalse(decoded.windows1252());
    }

    @Test
    void crOnlyAndLfOnlyBulletinsGiveTheSameRowAsCrlf() {
        String crlf = new String(Corpus.bytes(Corpus.bulletin(ADMINISTRATIVE_ANALYST)), StandardCharsets.UTF_8);
        ExtractedRow expected = bulletin(ADMINISTRATIVE_ANALYST, crlf.getBytes(StandardCharsets.UTF_8));
        for (String ending : List.of("\r", "\n")) {
            byte[] converted = crlf.replace("\r\n", ending).getBytes(StandardCharsets.UTF_8);
            assertEquals(expected, bulletin(ADMINISTRATIVE_ANALYST, converted), "line ending " + ending.length());
        }
        assertEquals("ADMINISTRATIVE ANALYST", expected.position());
        assertEquals(60489.0, expected.salaryStart());
        assertEquals(104462.0, expected.salaryEnd());
        assertEquals(List.of("Written Test", "Essay", "Interview"), expected.selection());
    }

    @Test
    void aCorpusBulletinWithMixedCrlfAndCrLinesIsRead() {
        ExtractedRow row = bulletin(
                "POLICE OFFICER 2214 110906 Rev 060115.txt",
                Corpus.bytes(Corpus.bulletin("POLICE OFFICER 2214 110906 Rev 060115.txt")));
        assertEquals("POLICE OFFICER", row.position());
        assertEquals("2214", row.classcode());
    }
}
