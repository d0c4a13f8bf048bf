package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * experience_length, job_type, education_length and school_type from the requirements. The first requirement is
 * the first numbered item (or, when nothing is numbered, the first paragraph); education is read from the first
 * requirement sentence that names an education, skipping sentences about substituting one for another.
 */
public final class RequirementRule {

    /** A line starting a numbered requirement other than the first ("2.", "3)"), or a paragraph break. */
    private static final Pattern NEXT_ITEM =
            Pattern.compile("\\n\\s*(?:[2-9]|\\d{2,})(?:\\s*[.)]|\\s+(?=[A-Z]))|\\n\\s*\\n");
    /** A later requirement numbered inside a running line: "...; or 2. Two years...". */
    private static final Pattern INLINE_NEXT_ITEM = Pattern.compile("[;,]\\s*(?:and|or)?\\s+(?:[2-9]|\\d{2,})[.)]\\s");

    private static final Pattern DURATION = Pattern.compile("(?i)\\b(" + NumberWords.PATTERN
            + ")(?:\\s*\\(\\d+\\))?(\\s+and\\s+(?:one[\\s-]half|a\\s+half|1/2|½))?[\\s-]+(years?|months?)\\b"
            + "(?!\\s+(?:college|university|accredited|degree))");
    private static final int EXPERIENCE_REACH = 120;
    /** How far before "year"/"month" a duration may start: "eighteen (18) and one-half months". */
    private static final int UNIT_LOOKBEHIND = 45;

    private static final int UNIT_LENGTH = 6;
    private static final Pattern EDUCATION_YEARS = Pattern.compile(
            "(?i)\\b(" + NumberWords.PATTERN
                    + ")(?:[\\s-]years?\\s+(?:of\\s+)?(?:an?\\s+)?(?:accredited\\s+|recognized\\s+)?"
                    + "(?:college|university|degree)|\\s+years?\\s+(?:of\\s+)?(?:college|university|education))|\\b(bachelor)'?s?'?\\s+degree");
    private static final double BACHELOR_YEARS = 4;
    private static final CaseInsensitive.Needle FULL = CaseInsensitive.Needle.of("FULL");
    private static final CaseInsensitive.Needle PART = CaseInsensitive.Needle.of("PART");
    private static final CaseInsensitive.Needle SCHOOL_WORD = CaseInsensitive.Needle.of("SCHOOL");
    private static final CaseInsensitive.Needle COLLEGE = CaseInsensitive.Needle.of("COLLEGE");
    private static final CaseInsensitive.Needle UNIVERSITY = CaseInsensitive.Needle.of("UNIVERSIT");
    private static final CaseInsensitive.Needle APPRENTICE = CaseInsensitive.Needle.of("APPRENTICE");
    private static final CaseInsensitive.Needle EDUCATION = CaseInsensitive.Needle.of("EDUCATION");
    private static final CaseInsensitive.Needle DEGREE = CaseInsensitive.Needle.of("DEGREE");
    private static final CaseInsensitive.Needle SUBSTITUTE = CaseInsensitive.Needle.of("SUBSTITUT");
    private static final CaseInsensitive.Needle IN_LIEU = CaseInsensitive.Needle.of("IN LIEU");
    private static final Pattern SCHOOL = Pattern.compile(
            "(?i)\\b(college or university|university|college|high school|trade school|vocational school|"
                    + "technical school|apprenticeship|law school|graduate school)\\b");

    private RequirementRule() {}

    /** The first requirement: the first numbered item, or the first paragraph when nothing is numbered. */
    public static String firstRequirement(String reqText) {
        int end = reqText.length();
        Matcher next = NEXT_ITEM.matcher(reqText);
        if (next.find()) {
            end = next.start();
        }
        Matcher inline = INLINE_NEXT_ITEM.matcher(reqText).region(0, end);
        if (inline.find()) {
            end = inline.start();
        }
        return reqText.substring(0, end);
    }

    /** "Two years of full-time paid experience" → "2 years"; "six months of ... experience" → "0.5 years". */
    public static Optional<String> experienceLength(String firstRequirement) {
        String lower = firstRequirement.toLowerCase(Locale.ROOT);
        Matcher duration =
                DURATION.matcher(firstRequirement).useTransparentBounds(true).useAnchoringBounds(false);
        // Only the few places that name a unit can hold a duration; the pattern runs just around them.
        for (int unit = nextUnit(lower, 0); unit >= 0; unit = nextUnit(lower, unit + 1)) {
            duration.region(Math.max(0, unit - UNIT_LOOKBEHIND), Math.min(lower.length(), unit + UNIT_LENGTH));
            if (!duration.find()) {
                continue;
            }
            int reachEnd = Math.min(lower.length(), duration.end() + EXPERIENCE_REACH);
            String after = lower.substring(duration.end(), reachEnd);
            int stop = firstStop(after);
            String statement = stop < 0 ? after : after.substring(0, stop);
            // "Two years of ... experience", "... of full-time paid library work", "Four years as a Police Officer".
            if (statement.contains("experience") || statement.contains(" paid ") || statement.startsWith(" as ")) {
                OptionalDouble years = years(duration);
                if (years.isPresent()) {
                    return Optional.of(NumberWords.years(years.getAsDouble()));
                }
            }
        }
        return Optional.empty();
    }

    private static int nextUnit(String lower, int from) {
        int year = lower.indexOf("year", from);
        int month = lower.indexOf("month", from);
        if (year < 0) {
            return month;
        }
        return month < 0 ? year : Math.min(year, month);
    }

    /** "full-time" or "part-time" from the first requirement that says which. */
    public static Optional<String> jobType(String reqText) {
        int full = timeWord(reqText, FULL);
        int part = timeWord(reqText, PART);
        if (full < 0 && part < 0) {
            return Optional.empty();
        }
        return Optional.of(part < 0 || (full >= 0 && full < part) ? "full-time" : "part-time");
    }

    /** Where "full-time"/"full time" (or "part-...") first occurs, or -1. */
    private static int timeWord(String text, CaseInsensitive.Needle half) {
        for (int at = CaseInsensitive.indexOf(text, half); at >= 0; at = CaseInsensitive.indexOf(text, half, at + 1)) {
            int separator = at + half.length();
            boolean wordStart = at == 0 || !Character.isLetter(text.charAt(at - 1));
            if (wordStart
                    && separator + 5 <= text.length()
                    && (text.charAt(separator) == '-' || Character.isWhitespace(text.charAt(separator)))
                    && text.regionMatches(true, separator + 1, "time", 0, 4)
                    && (separator + 5 == text.length() || !Character.isLetter(text.charAt(separator + 5)))) {
                return at;
            }
        }
        return -1;
    }

    /** "a four-year college or university" → "4 years"; "two years of college" → "2 years"; a bachelor's degree → "4 years". */
    public static Optional<String> educationLength(String reqText) {
        return mayNameEducation(reqText) ? educationLength(requirementSentences(reqText)) : Optional.empty();
    }

    /** The same, from the requirement sentences ({@link #requirementSentences}) when the caller has them already. */
    public static Optional<String> educationLength(List<String> requirementSentences) {
        for (String sentence : requirementSentences) {
            Matcher education = EDUCATION_YEARS.matcher(sentence);
            if (mayNameEducation(sentence) && education.find()) {
                OptionalDouble years = education.group(2) != null
                        ? OptionalDouble.of(BACHELOR_YEARS)
                        : NumberWords.value(education.group(1));
                if (years.isPresent()) {
                    return Optional.of(NumberWords.years(years.getAsDouble()));
                }
            }
        }
        return Optional.empty();
    }

    /** The kind of school the first education requirement names, lower case: "college or university", "high school". */
    public static Optional<String> schoolType(String reqText) {
        return mayNameSchool(reqText) ? schoolType(requirementSentences(reqText)) : Optional.empty();
    }

    /** The same, from the requirement sentences ({@link #requirementSentences}) when the caller has them already. */
    public static Optional<String> schoolType(List<String> requirementSentences) {
        for (String sentence : requirementSentences) {
            Matcher school = SCHOOL.matcher(sentence);
            if (mayNameSchool(sentence) && school.find()) {
                return Optional.of(school.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static boolean mayNameSchool(String text) {
        return CaseInsensitive.contains(text, SCHOOL_WORD)
                || CaseInsensitive.contains(text, COLLEGE)
                || CaseInsensitive.contains(text, UNIVERSITY)
                || CaseInsensitive.contains(text, APPRENTICE);
    }

    private static boolean mayNameEducation(String text) {
        return CaseInsensitive.contains(text, COLLEGE)
                || CaseInsensitive.contains(text, UNIVERSITY)
                || CaseInsensitive.contains(text, EDUCATION)
                || CaseInsensitive.contains(text, DEGREE);
    }

    /**
     * Sentences that state requirements, cut at line breaks, "; " and ". " before a capital or digit; those
     * offering substitutes for a requirement are left out.
     */
    public static List<String> requirementSentences(String reqText) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int length = reqText.length();
        for (int i = 0; i < length; i++) {
            char c = reqText.charAt(i);
            boolean end = c == '\n'
                    || (c == ';' && i + 1 < length && reqText.charAt(i + 1) == ' ')
                    || (c == '.' && startsSentence(reqText, i + 1));
            if (end) {
                addRequirementSentence(reqText.substring(start, i), sentences);
                start = i + 1;
            }
        }
        addRequirementSentence(reqText.substring(start), sentences);
        return sentences;
    }

    /** White space, then a capital or a digit: "... is required.  A two or four year college degree ...". */
    private static boolean startsSentence(String text, int from) {
        int next = from;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next > from
                && next < text.length()
                && (Character.isUpperCase(text.charAt(next)) || Character.isDigit(text.charAt(next)));
    }

    private static void addRequirementSentence(String sentence, List<String> sentences) {
        if (!sentence.isBlank()
                && !CaseInsensitive.contains(sentence, SUBSTITUTE)
                && !CaseInsensitive.contains(sentence, IN_LIEU)) {
            sentences.add(sentence);
        }
    }

    private static OptionalDouble years(Matcher duration) {
        OptionalDouble number = NumberWords.value(duration.group(1));
        if (number.isEmpty()) {
            return number;
        }
        double value = number.getAsDouble() + (duration.group(2) != null ? 0.5 : 0);
        boolean months = duration.group(3).toLowerCase(Locale.ROOT).startsWith("month");
        return OptionalDouble.of(months ? value / 12 : value);
    }

    private static int firstStop(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == '\n' || (c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' '))) {
                return i;
            }
        }
        return -1;
    }
}
