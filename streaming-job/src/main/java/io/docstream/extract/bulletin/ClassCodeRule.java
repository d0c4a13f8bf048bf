package io.docstream.extract.bulletin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** classcode: the digits after "Class Code:" ("Class Code No. 1590", "Class Code #1590"), leading zeros kept. The first mention wins (the footer repeats it). */
public final class ClassCodeRule {

    private static final Pattern CLASS_CODE =
            Pattern.compile("(?i)class\\s*code\\s*(?:no\\.?|number|#)?\\s*[:#-]?\\s*(\\d{3,5})\\b");

    private ClassCodeRule() {}

    public static Optional<String> classCode(List<String> lines) {
        for (String line : lines) {
            if (line.length() < 10) {
                continue;
            }
            Matcher matcher = CLASS_CODE.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
