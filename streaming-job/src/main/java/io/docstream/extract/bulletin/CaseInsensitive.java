package io.docstream.extract.bulletin;

/**
 * Case-insensitive search without copying the text into one case first (rules scan whole bulletins). It jumps
 * between occurrences of the needle's rarest letter with String.indexOf, a vectorised intrinsic, and compares
 * the whole needle only there.
 */
final class CaseInsensitive {

    /** English letters from rarest to most common: the first one found in a needle is its anchor. */
    private static final String RARITY = "XQJZKVBPYGFWMUCLDRHSNIOATE";

    private CaseInsensitive() {
    }

    /** Where {@code upperNeedle} (written in upper case) first occurs in {@code text}, ignoring case; -1 if nowhere. */
    static int indexOf(String text, String upperNeedle) {
        return indexOf(text, upperNeedle, 0);
    }

    static int indexOf(String text, String upperNeedle, int from) {
        int anchor = anchorOf(upperNeedle);
        char upper = upperNeedle.charAt(anchor);
        char lower = Character.toLowerCase(upper);
        int nextUpper = text.indexOf(upper, from + anchor);
        int nextLower = upper == lower ? -1 : text.indexOf(lower, from + anchor);
        while (nextUpper >= 0 || nextLower >= 0) {
            int at = nextUpper < 0 ? nextLower : nextLower < 0 ? nextUpper : Math.min(nextUpper, nextLower);
            int start = at - anchor;
            if (text.regionMatches(true, start, upperNeedle, 0, upperNeedle.length())) {
                return start;
            }
            if (at == nextUpper) {
                nextUpper = text.indexOf(upper, at + 1);
            } else {
                nextLower = text.indexOf(lower, at + 1);
            }
        }
        return -1;
    }

    /** Where {@code upperNeedle} first occurs as a whole word (no letter or digit on either side); -1 if nowhere. */
    static int indexOfWord(String text, String upperNeedle, int from) {
        for (int at = indexOf(text, upperNeedle, from); at >= 0; at = indexOf(text, upperNeedle, at + 1)) {
            int end = at + upperNeedle.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static int anchorOf(String upperNeedle) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < upperNeedle.length(); i++) {
            int rank = RARITY.indexOf(upperNeedle.charAt(i));
            if (rank >= 0 && rank < bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }
}
