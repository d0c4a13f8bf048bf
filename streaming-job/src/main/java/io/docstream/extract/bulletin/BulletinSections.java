package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A bulletin cut into its lines and sections, in document order. */
public final class BulletinSections {

    private final List<String> lines;
    private final List<Section> sections;

    private BulletinSections(List<String> lines, List<Section> sections) {
        this.lines = lines;
        this.sections = sections;
    }

    public static BulletinSections of(String text) {
        List<String> lines = BulletinLines.split(text);
        List<Section> sections = new ArrayList<>();
        HeadingMatch current = null;
        int currentLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            Optional<HeadingMatch> match = HeadingRecognizer.recognize(lines.get(i));
            if (match.isPresent()) {
                if (current != null) {
                    sections.add(section(current, currentLine, lines, i));
                }
                current = match.get();
                currentLine = i;
            }
        }
        if (current != null) {
            sections.add(section(current, currentLine, lines, lines.size()));
        }
        return new BulletinSections(lines, List.copyOf(sections));
    }

    /** The body is a view of the bulletin's lines, with the heading's own inline text first when it has some. */
    private static Section section(HeadingMatch heading, int headingLine, List<String> lines, int end) {
        List<String> body = lines.subList(headingLine + 1, end);
        if (!heading.inlineText().isEmpty()) {
            List<String> withInline = new ArrayList<>(body.size() + 1);
            withInline.add(heading.inlineText());
            withInline.addAll(body);
            body = withInline;
        }
        return new Section(heading.heading(), headingLine, body);
    }

    public List<String> lines() {
        return lines;
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> first(Heading heading) {
        for (Section section : sections) {
            if (section.heading() == heading) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** The text of the first section with this heading that has any text, else empty. */
    public Optional<String> firstText(Heading heading) {
        for (Section section : sections) {
            if (section.heading() == heading) {
                String text = section.text();
                if (!text.isEmpty()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }
}
