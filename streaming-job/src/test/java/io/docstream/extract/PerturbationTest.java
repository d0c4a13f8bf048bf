package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.docstream.contract.DocType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Metamorphic tests: every corpus bulletin, changed in a way that does not change its meaning (line ends,
 * trailing white space, blank lines, a byte order mark, the case and colon of its headings), must give the same
 * row as the original, warnings included.
 */
class PerturbationTest {

    private static final Pattern KNOWN_HEADING = Pattern.compile(
            "(?m)^(ANNUAL SALARY|NOTES?|DUTIES|REQUIREMENTS?/MINIMUM QUALIFICATIONS?|REQUIREMENTS?|PROCESS NOTES?|"
                    + "WHERE TO APPLY|APPLICATION DEADLINE|SELECTION PROCESS):?([ \\t]*)(\\r?)$");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();
    private static final List<Path> FILES = new ArrayList<>();

    enum Perturbation {
        CR_ONLY(text -> text.replace("\r\n", "\n").replace('\n', '\r')),
        LF_ONLY(text -> text.replace("\r\n", "\n")),
        CRLF(text -> text.replace("\r\n", "\n").replace("\n", "\r\n")),
        TRAILING_WHITE_SPACE(text -> text.replaceAll("(?m)(\\r?)$", " \t $1")),
        DOUBLED_BLANK_LINES(text -> text.replaceAll("(\\r?\\n)([ \\t]*\\r?\\n)", "$1$2$2")),
        BYTE_ORDER_MARK(text -> text),
        LOWER_CASE_HEADINGS(text -> headings(text, heading -> heading.toLowerCase(Locale.ROOT), "")),
        LOWER_CASE_HEADINGS_WITH_COLON(text -> headings(text, heading -> heading.toLowerCase(Locale.ROOT), ":")),
        TITLE_CASE_HEADINGS(text -> headings(text, PerturbationTest::titleCase, "")),
        TITLE_CASE_HEADINGS_WITH_COLON(text -> headings(text, PerturbationTest::titleCase, ":"));

        final UnaryOperator<String> change;

        Perturbation(UnaryOperator<String> change) {
            this.change = change;
        }
    }

    @BeforeAll
    static void corpus() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.dir().resolve("bulletins"))) {
            FILES.addAll(files.sorted().toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Perturbation.class)
    void everyBulletinGivesTheSameRow(Perturbation perturbation) {
        List<String> differing = new ArrayList<>();
        int tested = 0;
        for (Path file : FILES) {
            byte[] original = Corpus.bytes(file);
            // The few Windows-1252 files are rewritten in their own encoding (a UTF-8 BOM would not be theirs).
            String utf8 = new String(original, StandardCharsets.UTF_8);
            Charset charset = Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), original)
                    ? StandardCharsets.UTF_8
                    : Charset.forName("windows-1252");
            if (perturbation == Perturbation.BYTE_ORDER_MARK && charset != StandardCharsets.UTF_8) {
                continue;
            }
            tested++;
            byte[] changed =
                    perturbation.change.apply(new String(original, charset)).getBytes(charset);
            if (perturbation == Perturbation.BYTE_ORDER_MARK) {
                byte[] withBom = new byte[BOM.length + changed.length];
                System.arraycopy(BOM, 0, withBom, 0, BOM.length);
                System.arraycopy(changed, 0, withBom, BOM.length, changed.length);
                changed = withBom;
            }
            String name = file.getFileName().toString();
            ExtractedRow expected = row(name, original);
            ExtractedRow actual = row(name, changed);
            if (!expected.equals(actual)) {
                differing.add(name + "\n  expected " + expected + "\n  actual   " + actual);
            }
        }
        System.out.printf(
                "perturbation %-32s %d/%d bulletins give the same row%n",
                perturbation, tested - differing.size(), tested);
        assertEquals(List.of(), differing.stream().limit(3).toList(), differing.size() + " bulletins differ");
    }

    private static ExtractedRow row(String name, byte[] bytes) {
        Extraction extraction = EXTRACTOR.extract(DocType.BULLETIN, name, bytes);
        return assertInstanceOf(Extraction.Extracted.class, extraction).rows().get(0);
    }

    private static String headings(String text, UnaryOperator<String> recase, String colon) {
        Matcher heading = KNOWN_HEADING.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (heading.find()) {
            heading.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            recase.apply(heading.group(1)) + colon + heading.group(2) + heading.group(3)));
        }
        heading.appendTail(out);
        return out.toString();
    }

    /** "REQUIREMENTS/MINIMUM QUALIFICATIONS" → "Requirements/Minimum Qualifications". */
    static String titleCase(String upper) {
        StringBuilder title = new StringBuilder(upper.length());
        boolean wordStart = true;
        for (char c : upper.toCharArray()) {
            title.append(wordStart ? c : Character.toLowerCase(c));
            wordStart = !Character.isLetter(c);
        }
        return title.toString();
    }
}
