package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * experience_length, job_type, education_length and school_type from the requirements. Alternatives are joined
 * by "or" and combined conditions by "and", so the first requirement is the text up to the first item that ends
 * in "or" (all of it when nothing does).
 */
public final class RequirementRule {

    private static final Pattern ALTERNATIVE_END = Pattern.compile("(?i)(?:[;,]\\s*|\\s)or\\s*(?:\\n|$)|\\n\\s*or\\s*\\n|;\\s+or\\s+(?=\\d+\\.|[a-z]\\.)");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\b(" + NumberWords.PATTERN + ")(?:\\s*\\(\\d+\\))?(\\s+and\\s+(?:one-half|a half))?[\\s-]+(years?|months?)\\b");
    private static final int EXPERIENCE_REACH = 120;
    private static final Pattern JOB_TYPE = Pattern.compile("(?i)\\b(full|part)[\\s-]time\\b");
    private static final Pattern COLLEGE_YEARS = Pattern.compile(
            "(?i)\\b(" + NumberWords.PATTERN + ")[\\s-]years?\\s+(?:of\\s+)?(?:an?\\s+)?(?:accredited\\s+)?"
                    + "(?:(?:four|two)-year\\s+)?(college|university)");
    private static final Pattern SCHOOL = Pattern.compile(
            "(?i)\\b(college or university|university|college|high school|trade school|vocational school|"
                    + "technical school|apprenticeship|law school|graduate school)\\b");

    private RequirementRule() {
    }

    /** The first requirement: everything up to and including the first alternative that ends in "or". */
    public static String firstRequirement(String reqText) {
        Matcher end = ALTERNATIVE_END.matcher(reqText);
        return end.find() ? reqText.substring(0, end.start()) : reqText;
    }

    /** "Two years of full-time paid experience" → "2 years"; "six months of ... experience" → "0.5 years". */
    public static Optional<String> experienceLength(String firstRequirement) {
        Matcher duration = DURATION.matcher(firstRequirement);
        while (duration.find()) {
            int reachEnd = Math.min(firstRequirement.length(), duration.end() + EXPERIENCE_REACH);
            String after = firstRequirement.substring(duration.end(), reachEnd).toLowerCase(Locale.ROOT);
            int experience = after.indexOf("experience");
            int stop = firstStop(after);
            if (experience >= 0 && (stop < 0 || experience < stop)) {
                OptionalDouble years = years(duration);
                if (years.isPresent()) {
                    return Optional.of(NumberWords.years(years.getAsDouble()));
                }
            }
        }
        return Optional.empty();
    }

    /** "full-time" or "part-time" from the first requirement that says which. */
    public static Optional<String> jobType(String reqText) {
        Matcher type = JOB_TYPE.matcher(reqText);
        if (type.find()) {
            return Optional.of(type.group(1).toLowerCase(Locale.ROOT) + "-time");
        }
        return Optional.empty();
    }

    /** "a four-year college or university" → "4 years"; "two years of college" → "2 years". */
    public static Optional<String> educationLength(String firstRequirement) {
        Matcher college = COLLEGE_YEARS.matcher(firstRequirement);
        if (college.find()) {
            OptionalDouble years = NumberWords.value(college.group(1));
            if (years.isPresent()) {
                return Optional.of(NumberWords.years(years.getAsDouble()));
            }
        }
        return Optional.empty();
    }

    /** The kind of school the first education requirement names, lower case: "college or university", "high school". */
    public static Optional<String> schoolType(String firstRequirement) {
        Matcher school = SCHOOL.matcher(firstRequirement);
        if (school.find()) {
            return Optional.of(school.group(1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
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
