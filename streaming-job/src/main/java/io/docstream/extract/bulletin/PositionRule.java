package io.docstream.extract.bulletin;

import java.util.List;
import java.util.Optional;

/** position: the job class title, the bulletin's first non-blank line with white space collapsed. */
public final class PositionRule {

    private PositionRule() {}

    public static Optional<String> position(List<String> lines) {
        for (String line : lines) {
            String collapsed = Whitespace.collapse(line);
            if (!collapsed.isEmpty()) {
                return Optional.of(collapsed);
            }
        }
        return Optional.empty();
    }
}
