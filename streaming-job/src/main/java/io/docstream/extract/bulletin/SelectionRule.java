package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * selection: the examination components of the SELECTION PROCESS section in order, read from the
 * "Examination Weight(s):" table whose rows are "Component . . . . . weight"; when there is no table, the
 * components named in "The examination will consist (entirely) of ..." .
 */
public final class SelectionRule {

    private static final String WEIGHT_LABEL = "EXAMINATION WEIGHT";
    private static final CaseInsensitive.Needle WEIGHT_TABLE = CaseInsensitive.Needle.of(WEIGHT_LABEL);
    private static final CaseInsensitive.Needle CONSIST = CaseInsensitive.Needle.of("CONSIST");
    /** Longer text before a dot leader is a sentence, not a component's name. */
    private static final int MAX_COMPONENT_LENGTH = 120;

    private static final Pattern CONSISTS_OF =
            Pattern.compile("(?i)examination (?:will|shall) consist (?:entirely )?of (?:an? |the )?([^.;]{3,120})");
    private static final Pattern COMPONENT_WORDS = Pattern.compile(
            "(?i)(interview|(?:written|multiple-choice|multiple choice|performance|physical abilities|practical|typing|"
                    + "skills|oral) (?:test|examination)|essay|evaluation of training and experience|"
                    + "training and experience questionnaire|qualifications? review|oral presentation|assessment center)");

    private SelectionRule() {}

    public static List<String> selection(Section selectionSection) {
        List<String> components = new ArrayList<>();
        for (String line : selectionSection.body()) {
            int leader = dotLeaderStart(line);
            if (leader < 0) {
                continue;
            }
            String name = withoutWeightLabel(line.substring(0, leader)).strip();
            if (!name.isEmpty() && name.length() <= MAX_COMPONENT_LENGTH) {
                components.add(Whitespace.collapse(name));
            }
        }
        if (components.isEmpty()) {
            String text = selectionSection.flatText();
            Matcher consists = CONSISTS_OF.matcher(text);
            if (CaseInsensitive.contains(text, CONSIST) && consists.find()) {
                Matcher word = COMPONENT_WORDS.matcher(consists.group(1));
                while (word.find()) {
                    components.add(capitalize(word.group(1)));
                }
            }
        }
        return components;
    }

    /** The section holding the "Examination Weight(s):" table, for bulletins that have no SELECTION PROCESS heading. */
    public static Optional<Section> weightTableSection(BulletinSections bulletin) {
        for (Section section : bulletin.sections()) {
            for (String line : section.body()) {
                if (CaseInsensitive.contains(line, WEIGHT_TABLE)) {
                    return Optional.of(section);
                }
            }
        }
        return Optional.empty();
    }

    /** "Examination Weights:\tWritten Test " → "Written Test ": the table's label shares the first row's line. */
    static String withoutWeightLabel(String cell) {
        String stripped = cell.strip();
        if (!stripped.regionMatches(true, 0, WEIGHT_LABEL, 0, WEIGHT_LABEL.length())) {
            return stripped;
        }
        int rest = WEIGHT_LABEL.length();
        if (rest < stripped.length() && (stripped.charAt(rest) == 's' || stripped.charAt(rest) == 'S')) {
            rest++;
        }
        if (rest < stripped.length() && stripped.charAt(rest) == ':') {
            rest++;
        }
        return stripped.substring(rest);
    }

    /** Where a dot leader (". . ." or "...") begins, or -1. */
    static int dotLeaderStart(String line) {
        int spaced = line.indexOf(". . .");
        int packed = line.indexOf("...");
        int found = spaced < 0 ? packed : packed < 0 ? spaced : Math.min(spaced, packed);
        if (found < 0) {
            return -1;
        }
        // Back over ". ." or ".." typed before the run: "Essay .. . . ." starts at the first dot.
        int start = found;
        while (start > 0 && (line.charAt(start - 1) == '.' || line.charAt(start - 1) == ' ')) {
            start--;
        }
        while (start < found && line.charAt(start) == ' ') {
            start++;
        }
        return start;
    }

    private static String capitalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
