package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.docstream.contract.DocType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bulletins we have not seen write their headings differently. Every corpus bulletin, rewritten with its known
 * headings in title case, a trailing colon and a tab, must give the same row as the original.
 */
class HeadingVariantsTest {

    private static final Pattern KNOWN_HEADING = Pattern.compile(
            "(?m)^(ANNUAL SALARY|NOTES?|DUTIES|REQUIREMENTS?/MINIMUM QUALIFICATIONS?|REQUIREMENTS?|PROCESS NOTES?|"
                    + "WHERE TO APPLY|APPLICATION DEADLINE|SELECTION PROCESS):?[ \\t]*(\\r?)$");

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void titleCaseHeadingsWithColonsAndTabsGiveTheSameRows() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.dir().resolve("bulletins"))) {
            for (Path file : files.sorted().toList()) {
                String original = Files.readString(file, StandardCharsets.UTF_8);
                String variant = retitleHeadings(original);
                assertEquals(
                        row(file, original),
                        row(file, variant),
                        file.getFileName().toString());
            }
        }
    }

    private ExtractedRow row(Path file, String text) {
        Extraction extraction = extractor.extract(
                DocType.BULLETIN, file.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(Extraction.Extracted.class, extraction).rows().get(0);
    }

    private static String retitleHeadings(String text) {
        Matcher heading = KNOWN_HEADING.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (heading.find()) {
            heading.appendReplacement(
                    out,
                    Matcher.quoteReplacement(PerturbationTest.titleCase(heading.group(1)) + ":\t" + heading.group(2)));
        }
        heading.appendTail(out);
        return out.toString();
    }
}
