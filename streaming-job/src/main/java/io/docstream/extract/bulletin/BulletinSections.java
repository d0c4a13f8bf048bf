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
        Heading current = null;
        int currentLine = -1;
        List<String> body = null;
        for (int i = 0; i < lines.size(); i++) {
            Optional<HeadingMatch> match = HeadingRecognizer.recognize(lines.get(i));
            if (match.isPresent()) {
                if (current != null) {
                    sections.add(new Section(current, currentLine, body));
                }
                current = match.get().heading();
                currentLine = i;
                body = new ArrayList<>();
                if (!match.get().inlineText().isEmpty()) {
                    body.add(match.get().inlineText());
                }
            } else if (body != null) {
                body.add(lines.get(i));
            }
        }
        if (current != null) {
            sections.add(new Section(current, currentLine, body));
        }
        return new BulletinSections(lines, List.copyOf(sections));
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

    /** Sections with this heading found after the first {@code after} heading and before the first {@code before} heading. */
    public List<Section> between(Heading heading, Heading after, Heading before) {
        List<Section> found = new ArrayList<>();
        boolean started = false;
        for (Section section : sections) {
            if (!started) {
                started = section.heading() == after;
                continue;
            }
            if (section.heading() == before) {
                break;
            }
            if (section.heading() == heading) {
                found.add(section);
            }
        }
        return found;
    }
}
