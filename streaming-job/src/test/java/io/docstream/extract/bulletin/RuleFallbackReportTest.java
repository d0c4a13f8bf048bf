package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.extract.Corpus;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A hold-out view of the rules: for every corpus bulletin, which path of each rule gave the field (the main
 * path or a fallback). A path taken by only a handful of files leans on rare patterns, and is where bulletins
 * nobody has seen are most likely to differ. Printed as a table; asserts only that every bulletin was counted.
 */
class RuleFallbackReportTest {

    /** The headings as bulletins usually spell them: any other key reached a heading through a variant or typo. */
    private static final Set<String> USUAL_HEADINGS = Set.of(
            "ANNUAL SALARY",
            "NOTES",
            "NOTE",
            "DUTIES",
            "REQUIREMENTS/MINIMUM QUALIFICATIONS",
            "REQUIREMENT/MINIMUM QUALIFICATION",
            "REQUIREMENTS",
            "REQUIREMENT",
            "PROCESS NOTES",
            "PROCESS NOTE",
            "WHERE TO APPLY",
            "APPLICATION DEADLINE",
            "APPLICATION PROCESS",
            "SELECTION PROCESS");

    @Test
    void reportWhichPathEachRuleTook() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        int bulletins = 0;
        try (Stream<Path> files = Files.list(Corpus.dir().resolve("bulletins"))) {
            for (Path file : files.sorted().toList()) {
                bulletins++;
                paths(text(file)).forEach(path -> counts.merge(path, 1, Integer::sum));
            }
        }
        System.out.printf(
                "%nRule paths over %d corpus bulletins (fallbacks used by few files lean on rare patterns)%n",
                bulletins);
        System.out.printf("%-60s %6s%n", "rule: path", "files");
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            System.out.printf("%-60s %6d%n", count.getKey(), count.getValue());
        }
        assertTrue(
                counts.getOrDefault("deadline: section", 0) + counts.getOrDefault("deadline: no section", 0)
                        == bulletins,
                counts.toString());
    }

    private static String text(Path file) {
        byte[] bytes = Corpus.bytes(file);
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), bytes)
                ? utf8
                : new String(bytes, Charset.forName("windows-1252"));
    }

    private static List<String> paths(String text) {
        BulletinSections bulletin = BulletinSections.of(text);
        java.util.ArrayList<String> paths = new java.util.ArrayList<>();

        for (String line : bulletin.lines()) {
            Optional<HeadingMatch> heading = HeadingRecognizer.recognize(line);
            if (heading.isPresent() && heading.get().heading() != Heading.OTHER) {
                String key = HeadingRecognizer.headingKey(line);
                if (!heading.get().inlineText().isEmpty()) {
                    paths.add("headings: text on the heading line ("
                            + heading.get().heading() + ")");
                } else if (!USUAL_HEADINGS.contains(key)) {
                    paths.add("headings: variant or typo (" + heading.get().heading() + ")");
                }
            }
        }

        Optional<String> deadline = bulletin.firstText(Heading.APPLICATION_DEADLINE);
        if (deadline.isEmpty()) {
            deadline = bulletin.firstText(Heading.APPLICATION_PROCESS);
            paths.add("deadline: APPLICATION PROCESS section instead (fallback)");
        }
        paths.add(deadline.isPresent() ? "deadline: section" : "deadline: no section");
        deadline.ifPresent(section -> paths.add("deadline: " + DeadlineRule.path(section)));

        Optional<Section> salary = bulletin.first(Heading.ANNUAL_SALARY);
        boolean dwpInSalary = salary.map(SalaryRule::salaries)
                .flatMap(SalaryRule.Salaries::waterAndPower)
                .isPresent();
        if (!dwpInSalary
                && bulletin.sections().stream()
                        .filter(s -> s.heading() == Heading.NOTES)
                        .map(SalaryRule::waterAndPower)
                        .anyMatch(Optional::isPresent)) {
            paths.add("salary: DWP from a note (fallback)");
        }
        if (salary.isEmpty()) {
            paths.add("salary: no ANNUAL SALARY section");
        }

        Optional<Section> selection = bulletin.first(Heading.SELECTION_PROCESS);
        boolean table = selection
                .map(s -> s.body().stream().anyMatch(l -> SelectionRule.dotLeaderStart(l) >= 0))
                .orElse(false);
        if (table) {
            paths.add("selection: weight table");
        } else if (selection
                .map(SelectionRule::selection)
                .filter(c -> !c.isEmpty())
                .isPresent()) {
            paths.add("selection: 'will consist of' sentence (fallback)");
        } else if (SelectionRule.weightTableSection(bulletin).isPresent()) {
            paths.add("selection: weight table outside SELECTION PROCESS (fallback)");
        } else {
            paths.add("selection: none");
        }

        Optional<String> examType = ExamTypeRule.examType(text);
        if (examType.isPresent()) {
            boolean statement = ExamTypeRule.examType(
                            text.replace("(Exam Open", "(Exam").replace("(EXAM OPEN", "(EXAM"))
                    .isPresent();
            paths.add(
                    statement ? "exam_type: 'IS TO BE GIVEN' statement" : "exam_type: '(Exam Open to' line (fallback)");
        } else {
            paths.add("exam_type: none");
        }

        Optional<String> req = bulletin.firstText(Heading.REQUIREMENTS);
        if (req.isPresent()) {
            String first = req.get().strip();
            paths.add(
                    first.startsWith("1")
                            ? "requirements: numbered"
                            : "requirements: not numbered, first paragraph (fallback)");
        }

        if (bulletin.firstText(Heading.WHERE_TO_APPLY).isEmpty()) {
            paths.add(
                    bulletin.firstText(Heading.APPLICATION_PROCESS).isPresent()
                            ? "application_location: APPLICATION PROCESS section (fallback)"
                            : "application_location: no section");
        }
        return paths;
    }
}
