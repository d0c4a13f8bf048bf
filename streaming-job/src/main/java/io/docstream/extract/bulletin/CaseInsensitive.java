package io.docstream.extract.bulletin;

/**
 * Case-insensitive search without copying the text into one case first (rules scan whole bulletins). It jumps
 * between occurrences of the needle's rarest letter with String.indexOf, a vectorised intrinsic, and compares
 * the whole needle only there.
 */
final class CaseInsensitive {

    /** English letters from rarest to most common: the first one found in a needle is its anchor. */
    private static final String RARITY = "XQJZKVBPYGFWMUCLDRHSNIOATE";

    private CaseInsensitive() {}

    /** A word or phrase to search for, written in upper case, with its anchor letter chosen once. */
    record Needle(String upper, int anchor, char anchorUpper, char anchorLower, char firstUpper, char firstLower) {

        static Needle of(String upper) {
            int anchor = 0;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < upper.length(); i++) {
                int rank = RARITY.indexOf(upper.charAt(i));
                if (rank >= 0 && rank < bestRank) {
                    anchor = i;
                    bestRank = rank;
                }
            }
            char anchorUpper = upper.charAt(anchor);
            char first = upper.charAt(0);
            return new Needle(
                    upper,
                    anchor,
                    anchorUpper,
                    Character.toLowerCase(anchorUpper),
                    first,
                    Character.toLowerCase(first));
        }

        int length() {
            return upper.length();
        }
    }

    /** Where the needle first occurs in {@code text}, ignoring case; -1 if nowhere. */
    static int indexOf(String text, Needle needle) {
        return indexOf(text, needle, 0);
    }

    static int indexOf(String text, Needle needle, int from) {
        return indexOf(text, needle, from, Integer.MAX_VALUE);
    }

    /** The same, giving up on occurrences starting after {@code limit}. */
    static int indexOf(String text, Needle needle, int from, int limit) {
        int anchor = needle.anchor();
        char upper = needle.anchorUpper();
        char lower = needle.anchorLower();
        int nextUpper = text.indexOf(upper, from + anchor);
        int nextLower = upper == lower ? -1 : text.indexOf(lower, from + anchor);
        while (nextUpper >= 0 || nextLower >= 0) {
            int at = nextUpper < 0 ? nextLower : nextLower < 0 ? nextUpper : Math.min(nextUpper, nextLower);
            int start = at - anchor;
            if (start > limit) {
                return -1;
            }
            if (start >= from && start + needle.length() <= text.length()) {
                char first = text.charAt(start);
                if ((first == needle.firstUpper() || first == needle.firstLower())
                        && text.regionMatches(true, start, needle.upper(), 0, needle.length())) {
                    return start;
                }
            }
            if (at == nextUpper) {
                nextUpper = text.indexOf(upper, at + 1);
            } else {
                nextLower = text.indexOf(lower, at + 1);
            }
        }
        return -1;
    }

    static boolean contains(String text, Needle needle) {
        return indexOf(text, needle, 0) >= 0;
    }

    /** Where the needle first occurs as a whole word (no letter or digit on either side); -1 if nowhere. */
    static int indexOfWord(String text, Needle needle, int from) {
        return indexOfWord(text, needle, from, Integer.MAX_VALUE);
    }

    /** The same, giving up on occurrences starting after {@code limit}. */
    static int indexOfWord(String text, Needle needle, int from, int limit) {
        for (int at = indexOf(text, needle, from, limit); at >= 0; at = indexOf(text, needle, at + 1, limit)) {
            int end = at + needle.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }
}
