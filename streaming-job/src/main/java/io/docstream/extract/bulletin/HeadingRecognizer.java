package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a line is a section heading. Known headings are matched on the line's letters alone
 * (case, spacing, tabs and a trailing colon do not matter; common typos are allowed); any other short line
 * without lower-case letters is an unnamed heading that ends the section before it.
 */
public final class HeadingRecognizer {

    private static final int MAX_HEADING_LENGTH = 80;

    private static final Pattern ANNUAL_SALARY = Pattern.compile("ANNUAL ?SALARY");
    private static final Pattern NOTES = Pattern.compile("NOTES?");
    private static final Pattern PROCESS_NOTES = Pattern.compile("PROCESS NOTES?");
    private static final Pattern DUTIES = Pattern.compile("DUTIES( AND RESPONSIBILITIES)?");
    // REQUIREMENT(S)/MINIMUM QUALIFICATION(S), tolerant of the misspellings found in real bulletins
    // (MINUMUM, MIMINUMUM, QUALFICATION, QUALIFCATIONS, QUALIFICAITON).
    private static final Pattern REQUIREMENTS = Pattern.compile(
            "REQUIREMENTS?( ?/ ?MI[A-Z]*M (QUAL[A-Z]*|REQUIREMENTS?))?|MINIMUM (QUAL[A-Z]*|REQUIREMENTS?)");
    private static final Pattern WHERE_TO_APPLY = Pattern.compile("WHERE TO APPLY|HOW TO APPLY");
    private static final Pattern APPLICATION_DEADLINE = Pattern.compile("APPLICATION DEADLINES?");
    private static final Pattern SELECTION_PROCESS = Pattern.compile("SELECTION (PROCESS|PROCEDURES?)");

    /** An upper-case heading followed by a colon and text on the same line, e.g. "APPLICATION DEADLINE: ...". */
    private static final Pattern INLINE = Pattern.compile(
            "\\s*(ANNUAL SALARY|DUTIES|REQUIREMENTS?(?:/MINIMUM QUALIFICATIONS?)?|WHERE TO APPLY|"
                    + "APPLICATION DEADLINE|SELECTION PROCESS)\\s*:\\s*(\\S.*)");

    private HeadingRecognizer() {
    }

    public static Optional<HeadingMatch> recognize(String line) {
        int length = line.length();
        if (length == 0) {
            return Optional.empty();
        }
        if (length <= MAX_HEADING_LENGTH) {
            String key = headingKey(line);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Heading known = known(key);
            if (known != null) {
                return Optional.of(new HeadingMatch(known, ""));
            }
        }
        if (line.indexOf(':') > 0) {
            Matcher inline = INLINE.matcher(line);
            if (inline.matches()) {
                return Optional.of(new HeadingMatch(known(inline.group(1)), inline.group(2).strip()));
            }
        }
        if (length <= MAX_HEADING_LENGTH && isUnnamedHeading(line)) {
            return Optional.of(new HeadingMatch(Heading.OTHER, ""));
        }
        return Optional.empty();
    }

    private static Heading known(String key) {
        if (ANNUAL_SALARY.matcher(key).matches()) {
            return Heading.ANNUAL_SALARY;
        }
        if (NOTES.matcher(key).matches()) {
            return Heading.NOTES;
        }
        if (DUTIES.matcher(key).matches()) {
            return Heading.DUTIES;
        }
        if (REQUIREMENTS.matcher(key).matches()) {
            return Heading.REQUIREMENTS;
        }
        if (PROCESS_NOTES.matcher(key).matches()) {
            return Heading.PROCESS_NOTES;
        }
        if (WHERE_TO_APPLY.matcher(key).matches()) {
            return Heading.WHERE_TO_APPLY;
        }
        if (APPLICATION_DEADLINE.matcher(key).matches()) {
            return Heading.APPLICATION_DEADLINE;
        }
        if (SELECTION_PROCESS.matcher(key).matches()) {
            return Heading.SELECTION_PROCESS;
        }
        return null;
    }

    /** Upper case, runs of white space as one space, no trailing colon: "  Requirements /Minimum Qualifications:\t" → "REQUIREMENTS /MINIMUM QUALIFICATIONS". */
    static String headingKey(String line) {
        StringBuilder key = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = key.length() > 0;
            } else {
                if (pendingSpace) {
                    key.append(' ');
                    pendingSpace = false;
                }
                key.append(c);
            }
        }
        int end = key.length();
        while (end > 0 && (key.charAt(end - 1) == ':' || key.charAt(end - 1) == ' ')) {
            end--;
        }
        key.setLength(end);
        return key.toString().toUpperCase(Locale.ROOT);
    }

    /** e.g. "QUALIFICATIONS REVIEW", "SELECTIVE CERTIFICATION": starts with a letter, five or more letters, no lower case, no amounts. */
    private static boolean isUnnamedHeading(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || !Character.isLetter(stripped.charAt(0))) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isLowerCase(c) || c == '$') {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 5;
    }
}
