package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * selection: the examination components of the SELECTION PROCESS section in order, read from the
 * "Examination Weight(s):" table whose rows are "Component . . . . . weight"; when there is no table, the
 * components named in "The examination will consist (entirely) of ..." .
 */
public final class SelectionRule {

    private static final Pattern WEIGHT_LABEL = Pattern.compile("(?i)^\\s*examination\\s+weights?\\s*:?\\s*");
    private static final Pattern CONSISTS_OF = Pattern.compile(
            "(?i)examination (?:will|shall) consist (?:entirely )?of (?:an? |the )?([^.;]{3,120})");
    private static final Pattern COMPONENT_WORDS = Pattern.compile(
            "(?i)(interview|written test|multiple-choice test|essay|performance test|physical abilities test|"
                    + "evaluation of training and experience|training and experience questionnaire|"
                    + "qualifications? review|practical test|oral presentation)");

    private SelectionRule() {
    }

    public static List<String> selection(Section selectionSection) {
        List<String> components = new ArrayList<>();
        for (String line : selectionSection.body()) {
            int leader = dotLeaderStart(line);
            if (leader < 0) {
                continue;
            }
            String name = WEIGHT_LABEL.matcher(line.substring(0, leader)).replaceFirst("").strip();
            if (!name.isEmpty() && name.length() <= 80) {
                components.add(Whitespace.collapse(name));
            }
        }
        if (components.isEmpty()) {
            Matcher consists = CONSISTS_OF.matcher(selectionSection.flatText());
            if (consists.find()) {
                Matcher word = COMPONENT_WORDS.matcher(consists.group(1));
                while (word.find()) {
                    components.add(capitalize(word.group(1)));
                }
            }
        }
        return components;
    }

    /** Where a dot leader (". . ." or "...") begins, or -1. */
    static int dotLeaderStart(String line) {
        int dots = 0;
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.') {
                if (dots == 0) {
                    start = i;
                }
                dots++;
                if (dots >= 3) {
                    return start;
                }
            } else if (c != ' ') {
                dots = 0;
            }
        }
        return -1;
    }

    private static String capitalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
