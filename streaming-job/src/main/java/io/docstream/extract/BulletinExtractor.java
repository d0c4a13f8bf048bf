package io.docstream.extract;

import io.docstream.contract.DocType;
import io.docstream.extract.bulletin.AmountRange;
import io.docstream.extract.bulletin.ApplicationLocationRule;
import io.docstream.extract.bulletin.BulletinSections;
import io.docstream.extract.bulletin.ClassCodeRule;
import io.docstream.extract.bulletin.DeadlineRule;
import io.docstream.extract.bulletin.ExamTypeRule;
import io.docstream.extract.bulletin.Heading;
import io.docstream.extract.bulletin.OpenDateRule;
import io.docstream.extract.bulletin.PositionRule;
import io.docstream.extract.bulletin.RequirementRule;
import io.docstream.extract.bulletin.SalaryRule;
import io.docstream.extract.bulletin.Section;
import io.docstream.extract.bulletin.SelectionRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One job bulletin's text to its row: the field rules applied to the bulletin's sections, missing fields named. */
final class BulletinExtractor {

    private BulletinExtractor() {}

    static ExtractedRow extract(String fileName, DecodedText decoded) {
        return extract(fileName, decoded, DocType.BULLETIN, List.of());
    }

    /** @param readingWarnings what reading the document already noted (e.g. that OCR made its text) */
    static ExtractedRow extract(
            String fileName, DecodedText decoded, DocType sourceType, List<ParseWarning> readingWarnings) {
        List<String> warnings = new ArrayList<>();
        readingWarnings.forEach(warning -> warnings.add(warning.name()));
        if (decoded.windows1252()) {
            warnings.add(ParseWarning.DECODED_AS_WINDOWS_1252.name());
        }
        BulletinSections bulletin = BulletinSections.of(decoded.text());
        List<String> lines = bulletin.lines();

        String position = orWarn(PositionRule.position(lines), ParseWarning.NO_POSITION, warnings);
        String classCode = orWarn(ClassCodeRule.classCode(lines), ParseWarning.NO_CLASS_CODE, warnings);
        LocalDate startDate = orWarn(OpenDateRule.openDate(lines), ParseWarning.NO_OPEN_DATE, warnings);

        Optional<Section> salarySection = bulletin.first(Heading.ANNUAL_SALARY);
        SalaryRule.Salaries salaries = salarySection
                .map(SalaryRule::salaries)
                .orElse(new SalaryRule.Salaries(Optional.empty(), Optional.empty()));
        AmountRange general = orWarn(salaries.general(), ParseWarning.NO_SALARY, warnings);
        AmountRange waterAndPower = salaries.waterAndPower()
                .or(() -> salaryNoteSections(bulletin).stream()
                        .map(SalaryRule::waterAndPower)
                        .flatMap(Optional::stream)
                        .findFirst())
                .orElse(null);

        Optional<String> deadlineText = bulletin.firstText(Heading.APPLICATION_DEADLINE)
                .or(() -> bulletin.firstText(Heading.APPLICATION_PROCESS));
        LocalDate endDate = orWarn(deadlineText.flatMap(DeadlineRule::deadline), ParseWarning.NO_DEADLINE, warnings);

        String req = orWarn(bulletin.firstText(Heading.REQUIREMENTS), ParseWarning.NO_REQUIREMENTS, warnings);
        String notes = orWarn(salaryNotes(bulletin), ParseWarning.NO_NOTES, warnings);
        String duties = orWarn(bulletin.firstText(Heading.DUTIES), ParseWarning.NO_DUTIES, warnings);

        List<String> selection = bulletin.first(Heading.SELECTION_PROCESS)
                .map(SelectionRule::selection)
                .filter(components -> !components.isEmpty())
                .or(() -> SelectionRule.weightTableSection(bulletin).map(SelectionRule::selection))
                .orElse(List.of());
        if (selection.isEmpty()) {
            warnings.add(ParseWarning.NO_SELECTION.name());
            selection = null;
        }

        String firstRequirement = req == null ? "" : RequirementRule.firstRequirement(req);
        String experience =
                orWarn(RequirementRule.experienceLength(firstRequirement), ParseWarning.NO_EXPERIENCE_LENGTH, warnings);
        String jobType = orWarn(
                req == null ? Optional.empty() : RequirementRule.jobType(req), ParseWarning.NO_JOB_TYPE, warnings);
        List<String> requirementSentences = req == null ? List.of() : RequirementRule.requirementSentences(req);
        String education = orWarn(
                RequirementRule.educationLength(requirementSentences), ParseWarning.NO_EDUCATION_LENGTH, warnings);
        String school = orWarn(RequirementRule.schoolType(requirementSentences), ParseWarning.NO_SCHOOL_TYPE, warnings);

        String applicationLocation = orWarn(
                bulletin.firstText(Heading.WHERE_TO_APPLY)
                        .or(() -> bulletin.firstText(Heading.APPLICATION_PROCESS))
                        .map(ApplicationLocationRule::applicationLocation),
                ParseWarning.NO_APPLICATION_LOCATION,
                warnings);
        String examType = orWarn(ExamTypeRule.examType(decoded.text()), ParseWarning.NO_EXAM_TYPE, warnings);

        Double salaryStart = general == null ? null : general.low();
        Double salaryEnd = general == null ? null : general.high();
        Double dwpStart = waterAndPower == null ? null : waterAndPower.low();
        Double dwpEnd = waterAndPower == null ? null : waterAndPower.high();
        RowSanity.check(salaryStart, salaryEnd, dwpStart, dwpEnd, startDate, endDate, warnings);

        return new ExtractedRow(
                fileName,
                position,
                classCode,
                salaryStart,
                salaryEnd,
                startDate,
                endDate,
                req,
                notes,
                duties,
                selection,
                experience,
                jobType,
                education,
                school,
                applicationLocation,
                dwpStart,
                dwpEnd,
                examType,
                sourceType,
                ExtractorVersion.CURRENT,
                null,
                List.copyOf(warnings));
    }

    /** The NOTE(S) text after the salary and before DUTIES (or the requirements, when DUTIES comes later). */
    private static Optional<String> salaryNotes(BulletinSections bulletin) {
        StringBuilder notes = new StringBuilder();
        for (Section section : salaryNoteSections(bulletin)) {
            String text = section.text();
            if (!text.isEmpty()) {
                notes.append(notes.length() > 0 ? "\n\n" : "").append(text);
            }
        }
        return notes.length() > 0 ? Optional.of(notes.toString()) : Optional.empty();
    }

    private static List<Section> salaryNoteSections(BulletinSections bulletin) {
        List<Section> notes = new ArrayList<>();
        boolean afterSalary = false;
        for (Section section : bulletin.sections()) {
            Heading heading = section.heading();
            if (!afterSalary) {
                afterSalary = heading == Heading.ANNUAL_SALARY;
                continue;
            }
            if (heading == Heading.DUTIES || heading == Heading.REQUIREMENTS) {
                break;
            }
            if (heading == Heading.NOTES) {
                notes.add(section);
            }
        }
        return notes;
    }

    private static <T> T orWarn(Optional<T> value, ParseWarning missing, List<String> warnings) {
        if (value.isEmpty()) {
            warnings.add(missing.name());
            return null;
        }
        return value.get();
    }
}
