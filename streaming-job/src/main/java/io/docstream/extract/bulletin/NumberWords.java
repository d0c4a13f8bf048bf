package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Numbers as bulletins write them: "Two", "eighteen", "twenty-four", "forty eight", "2", "1.5", and with a half:
 * "1½", "2 1/2", "one and one-half", "two and a half".
 */
final class NumberWords {

    private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine";
    private static final String TEENS =
            "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String TENS = "twenty|thirty|forty|fourty|fifty|sixty";
    /** A half written after the number: "½", " 1/2", " and one-half", " and a half", " and 1/2". */
    private static final String HALF = "(?:\\s*½|\\s+1/2|\\s+and\\s+(?:one[\\s-]half|a\\s+half|1/2|½))";

    /** A whole number or a decimal, in figures or words, optionally followed by a half. */
    static final String PATTERN = "(?:(?:1/2|½|\\d+(?:\\.\\d+)?|(?:" + TENS + ")(?:[\\s-](?:" + UNITS + ")\\b)?|"
            + TEENS + "|" + UNITS + ")" + HALF + "?)";

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fourty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60));

    private NumberWords() {}

    /** The value of a match of {@link #PATTERN}: "twenty-four" → 24, "2 1/2" → 2.5, "one and one-half" → 1.5. */
    static OptionalDouble value(String number) {
        String lower = number.toLowerCase(Locale.ROOT).strip();
        double half = 0;
        int halfAt = halfStart(lower);
        if (halfAt >= 0) {
            half = 0.5;
            lower = lower.substring(0, halfAt).strip();
            if (lower.isEmpty()) {
                return OptionalDouble.of(half); // "½ year"
            }
        }
        OptionalDouble whole = whole(lower);
        return whole.isPresent() ? OptionalDouble.of(whole.getAsDouble() + half) : whole;
    }

    private static int halfStart(String lower) {
        int and = lower.indexOf(" and ");
        if (and >= 0) {
            return and;
        }
        int sign = lower.indexOf('½');
        if (sign >= 0) {
            return sign;
        }
        return lower.endsWith("1/2") ? lower.length() - 3 : -1;
    }

    private static OptionalDouble whole(String lower) {
        if (lower.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (Character.isDigit(lower.charAt(0))) {
            try {
                return OptionalDouble.of(Double.parseDouble(lower));
            } catch (NumberFormatException notANumber) {
                return OptionalDouble.empty();
            }
        }
        Integer known = WORDS.get(lower);
        if (known != null) {
            return OptionalDouble.of(known);
        }
        // "twenty-four", "forty eight"
        int separator = Math.max(lower.indexOf('-'), lower.indexOf(' '));
        if (separator > 0) {
            Integer tens = WORDS.get(lower.substring(0, separator));
            Integer unit = WORDS.get(lower.substring(separator + 1).strip());
            if (tens != null && unit != null && tens >= 20 && unit < 10) {
                return OptionalDouble.of(tens + unit);
            }
        }
        return OptionalDouble.empty();
    }

    /** "2 years", "0.5 years", "1.5 years": whole numbers without a decimal point. */
    static String years(double years) {
        double rounded = Math.round(years * 10000) / 10000.0;
        if (rounded == Math.rint(rounded)) {
            return (long) rounded + " years";
        }
        return rounded + " years";
    }
}
