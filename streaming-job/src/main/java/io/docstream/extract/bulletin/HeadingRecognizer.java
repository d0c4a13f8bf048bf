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
    /** The longest known heading, "REQUIREMENTS/MINIMUM QUALIFICATIONS:", with some room for spacing. */
    private static final int MAX_LOWER_CASE_HEADING_LENGTH = 48;

    private static final int MAX_TYPO_HEADING_LENGTH = 48;
    private static final int MIN_TYPO_KEY_LENGTH = 8;
    /** The usual spellings of the known headings, for headings with a typing slip, and what each one is. */
    private static final String[] USUAL_SPELLINGS = {
        "ANNUAL SALARY",
        "REQUIREMENTS",
        "REQUIREMENT",
        "MINIMUM QUALIFICATIONS",
        "REQUIREMENTS/MINIMUM QUALIFICATIONS",
        "REQUIREMENT/MINIMUM QUALIFICATION",
        "WHERE TO APPLY",
        "APPLICATION DEADLINE",
        "SELECTION PROCESS",
        "PROCESS NOTES",
        "APPLICATION PROCESS",
        "DUTIES AND RESPONSIBILITIES"
    };

    private static final Heading[] USUAL_HEADINGS = {
        Heading.ANNUAL_SALARY,
        Heading.REQUIREMENTS,
        Heading.REQUIREMENTS,
        Heading.REQUIREMENTS,
        Heading.REQUIREMENTS,
        Heading.REQUIREMENTS,
        Heading.WHERE_TO_APPLY,
        Heading.APPLICATION_DEADLINE,
        Heading.SELECTION_PROCESS,
        Heading.PROCESS_NOTES,
        Heading.APPLICATION_PROCESS,
        Heading.DUTIES
    };
    /** The first words of the known headings (prefixes, so that typos later in a word still pass). */
    private static final String[] HEADING_FIRST_WORDS = {
        "annual",
        "sal",
        "note",
        "duties",
        "job ",
        "examples",
        "req",
        "mi",
        "qual",
        "process",
        "where",
        "how ",
        "application",
        "filing",
        "selection",
        "examination"
    };

    private static final String[][] HEADING_WORDS_BY_LETTER = byFirstLetter(HEADING_FIRST_WORDS);
    /** "REQUIREMENTS/MINIMUM QUALIFICATIONS:" is the longest heading that may carry text after a colon. */
    private static final int MAX_INLINE_HEADING_LENGTH = 40;

    // ANNUAL SALARY and its synonyms: "SALARY", "SALARY RANGE", "ANNUAL SALARIES", "ANNUAL SALARY RANGE".
    private static final Pattern ANNUAL_SALARY = Pattern.compile("(ANNUAL ?)?SALAR(Y|IES)( RANGES?)?");
    private static final Pattern NOTES = Pattern.compile("NOTES?");
    private static final Pattern PROCESS_NOTES = Pattern.compile("PROCESS NOTES?");
    private static final Pattern DUTIES = Pattern.compile("(JOB |EXAMPLES OF )?DUTIES( (AND|&) RESPONSIBILITIES)?");
    // REQUIREMENT(S)/MINIMUM QUALIFICATION(S), tolerant of the misspellings found in real bulletins
    // (MINUMUM, MIMINUMUM, QUALFICATION, QUALIFCATIONS, QUALIFICAITON).
    private static final Pattern REQUIREMENTS = Pattern.compile(
            "REQUIREMENTS?( ?/ ?MI[A-Z]*M (QUAL[A-Z]*|REQUIREMENTS?))?|MI[A-Z]*M (QUAL[A-Z]*|REQUIREMENTS?)"
                    + "|QUALIFICATIONS?( ?/ ?REQUIREMENTS?)?");
    private static final Pattern WHERE_TO_APPLY = Pattern.compile("(WHERE|HOW|WHERE (AND|&) HOW) TO APPLY");
    private static final Pattern APPLICATION_PROCESS = Pattern.compile("APPLICATION PROCESS");
    // APPLICATION DEADLINE and its synonyms: "FILING DEADLINE", "APPLICATION FILING PERIOD", "FILING PERIOD".
    private static final Pattern APPLICATION_DEADLINE =
            Pattern.compile("(APPLICATION|FILING) DEADLINES?|(APPLICATION )?FILING PERIODS?");
    private static final Pattern SELECTION_PROCESS = Pattern.compile("(SELECTION|EXAMINATION) (PROCESS|PROCEDURES?)");

    /** An upper-case heading followed by a colon and text on the same line, e.g. "APPLICATION DEADLINE: ...". */
    private static final Pattern INLINE =
            Pattern.compile("\\s*((?:ANNUAL )?SALARY(?: RANGE)?|DUTIES|REQUIREMENTS?(?:/MINIMUM QUALIFICATIONS?)?|"
                    + "MINIMUM QUALIFICATIONS?|(?:WHERE|HOW) TO APPLY|(?:APPLICATION|FILING) DEADLINE|SELECTION PROCESS)"
                    + "\\s*:\\s*(\\S.*)");

    private HeadingRecognizer() {}

    public static Optional<HeadingMatch> recognize(String line) {
        int first = 0;
        int last = line.length() - 1;
        while (first <= last && Character.isWhitespace(line.charAt(first))) {
            first++;
        }
        while (last >= first && Character.isWhitespace(line.charAt(last))) {
            last--;
        }
        if (first > last) {
            return Optional.empty();
        }
        int length = last - first + 1;
        char initial = line.charAt(first);
        if (!Character.isUpperCase(initial)) {
            // A heading typed in lower case ("annual salary", "duties:") can only be a known one, and is short.
            if (length <= MAX_LOWER_CASE_HEADING_LENGTH && startsWithHeadingWord(line, first)) {
                Heading known = known(headingKey(line));
                if (known != null) {
                    return Optional.of(new HeadingMatch(known, ""));
                }
            }
            return Optional.empty();
        }
        if (length <= MAX_HEADING_LENGTH && startsWithHeadingWord(line, first)) {
            Heading known = known(headingKey(line));
            if (known != null) {
                return Optional.of(new HeadingMatch(known, ""));
            }
        }
        int colon = line.indexOf(':', first);
        if (colon > first
                && colon - first <= MAX_INLINE_HEADING_LENGTH
                && Character.isUpperCase(line.charAt(first + 1))) {
            Matcher inline = INLINE.matcher(line);
            if (inline.matches()) {
                return Optional.of(
                        new HeadingMatch(known(inline.group(1)), inline.group(2).strip()));
            }
        }
        if (length <= MAX_HEADING_LENGTH && isUnnamedHeading(line)) {
            // A line of capitals one slip away from a known heading ("ANNUAL SALRY", "APPLICATION DEADLNE") is that
            // heading.
            Heading misspelt = length <= MAX_TYPO_HEADING_LENGTH ? nearlyKnown(headingKey(line)) : null;
            return Optional.of(new HeadingMatch(misspelt != null ? misspelt : Heading.OTHER, ""));
        }
        return Optional.empty();
    }

    /**
     * The known heading whose usual spelling is within one typing slip of the key (a letter missing, extra, wrong or
     * two letters swapped; two slips for keys of 16 letters or more); keys shorter than 8 letters must match exactly.
     */
    static Heading nearlyKnown(String key) {
        if (key.length() < MIN_TYPO_KEY_LENGTH) {
            return null;
        }
        int allowed = key.length() >= 16 ? 2 : 1;
        for (int i = 0; i < USUAL_SPELLINGS.length; i++) {
            String usual = USUAL_SPELLINGS[i];
            // One slip cannot change both the first and the last letter: a cheap test before the distance.
            if (Math.abs(usual.length() - key.length()) <= allowed
                    && (key.charAt(0) == usual.charAt(0)
                            || key.charAt(key.length() - 1) == usual.charAt(usual.length() - 1))
                    && editDistance(key, usual, allowed) <= allowed) {
                return USUAL_HEADINGS[i];
            }
        }
        return null;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), stopping once over {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, before[j - 2] + 1);
                }
                current[j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > limit) {
                return rowMin;
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.length()];
    }

    /** Whether the line starts with a word that starts a known heading, in any case: a cheap test before the key. */
    private static boolean startsWithHeadingWord(String line, int first) {
        char initial = Character.toLowerCase(line.charAt(first));
        if (initial < 'a' || initial > 'z') {
            return false;
        }
        for (String word : HEADING_WORDS_BY_LETTER[initial - 'a']) {
            if (line.regionMatches(true, first, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static String[][] byFirstLetter(String[] words) {
        String[][] byLetter = new String[26][];
        for (char letter = 'a'; letter <= 'z'; letter++) {
            char initial = letter;
            byLetter[letter - 'a'] = java.util.Arrays.stream(words)
                    .filter(w -> w.charAt(0) == initial)
                    .toArray(String[]::new);
        }
        return byLetter;
    }

    /** The first letter picks the one or two patterns worth trying. */
    private static Heading known(String key) {
        if (key.isEmpty()) {
            return null;
        }
        return switch (key.charAt(0)) {
            case 'A' ->
                ANNUAL_SALARY.matcher(key).matches()
                        ? Heading.ANNUAL_SALARY
                        : APPLICATION_PROCESS.matcher(key).matches()
                                ? Heading.APPLICATION_PROCESS
                                : APPLICATION_DEADLINE.matcher(key).matches() ? Heading.APPLICATION_DEADLINE : null;
            case 'N' -> NOTES.matcher(key).matches() ? Heading.NOTES : null;
            case 'D', 'J' -> DUTIES.matcher(key).matches() ? Heading.DUTIES : null;
            case 'R', 'M', 'Q' -> REQUIREMENTS.matcher(key).matches() ? Heading.REQUIREMENTS : null;
            case 'P' -> PROCESS_NOTES.matcher(key).matches() ? Heading.PROCESS_NOTES : null;
            case 'W', 'H' -> WHERE_TO_APPLY.matcher(key).matches() ? Heading.WHERE_TO_APPLY : null;
            case 'S' ->
                SELECTION_PROCESS.matcher(key).matches()
                        ? Heading.SELECTION_PROCESS
                        : ANNUAL_SALARY.matcher(key).matches() ? Heading.ANNUAL_SALARY : null;
            case 'E' ->
                SELECTION_PROCESS.matcher(key).matches()
                        ? Heading.SELECTION_PROCESS
                        : DUTIES.matcher(key).matches() ? Heading.DUTIES : null;
            case 'F' -> APPLICATION_DEADLINE.matcher(key).matches() ? Heading.APPLICATION_DEADLINE : null;
            default -> null;
        };
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
        // "NOTE(S)" and "REQUIREMENT(S)" read as their plurals.
        return key.toString().toUpperCase(Locale.ROOT).replace("(S)", "S");
    }

    /**
     * e.g. "QUALIFICATIONS REVIEW", "SELECTIVE CERTIFICATION": starts with a letter, five or more letters, no lower
     * case, no amounts, and not a sentence (a requirement written in capitals ends with a full stop).
     */
    private static boolean isUnnamedHeading(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || !Character.isLetter(stripped.charAt(0)) || stripped.endsWith(".")) {
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
