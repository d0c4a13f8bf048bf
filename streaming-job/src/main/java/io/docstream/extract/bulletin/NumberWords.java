package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Numbers as bulletins write them: "Two", "eighteen", "2". */
final class NumberWords {

    static final String PATTERN = "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-four|thirty|thirty-six)";

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("twenty-four", 24), Map.entry("thirty", 30), Map.entry("thirty-six", 36));

    private NumberWords() {
    }

    static OptionalDouble value(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Integer known = WORDS.get(lower);
        if (known != null) {
            return OptionalDouble.of(known);
        }
        if (!lower.isEmpty() && Character.isDigit(lower.charAt(0))) {
            return OptionalDouble.of(Double.parseDouble(lower));
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
