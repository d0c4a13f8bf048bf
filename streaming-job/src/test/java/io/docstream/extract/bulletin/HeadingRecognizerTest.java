package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadingRecognizerTest {

    private static Optional<Heading> heading(String line) {
        return HeadingRecognizer.recognize(line).map(HeadingMatch::heading);
    }

    @Test
    void requirementHeadingsInTheirRealVariants() {
        for (String line : new String[] {
            "REQUIREMENTS/MINIMUM QUALIFICATIONS",
            "REQUIREMENT/MINIMUM QUALIFICATION",
            "REQUIREMENTS",
            "Requirement",
            "REQUIREMENTS/ MINIMUM QUALIFICATIONS ",
            "REQUIREMENT/MINUMUM QUALIFICATION",
            "REQUIREMENT/MINIMUM QUALFICATION",
            "REQUIREMENT/MIMINUMUM QUALIFICATION",
            "MINIMUM REQUIREMENTS:",
            "  REQUIREMENTS/MINIMUM QUALIFICATIONS\t"
        }) {
            assertEquals(Optional.of(Heading.REQUIREMENTS), heading(line), line);
        }
    }

    @Test
    void caseColonsTabsAndSpacingDoNotMatter() {
        assertEquals(Optional.of(Heading.NOTES), heading("NOTES:\t\t"));
        assertEquals(Optional.of(Heading.NOTES), heading("     Note:"));
        assertEquals(Optional.of(Heading.PROCESS_NOTES), heading(" PROCESS NOTES"));
        assertEquals(Optional.of(Heading.ANNUAL_SALARY), heading("ANNUALSALARY"));
        assertEquals(Optional.of(Heading.ANNUAL_SALARY), heading("ANNUAL SALARY" + " ".repeat(90)));
        assertEquals(Optional.of(Heading.DUTIES), heading("\tDUTIES  "));
        assertEquals(Optional.of(Heading.SELECTION_PROCESS), heading("SELECTION PROCESS     "));
        assertEquals(Optional.of(Heading.NOTES), heading("NOTE(S):"));
        assertEquals(Optional.of(Heading.REQUIREMENTS), heading("Requirement(s)"));
        assertEquals(Optional.of(Heading.WHERE_TO_APPLY), heading("Where to Apply"));
    }

    @Test
    void aHeadingMayCarryItsTextOnTheSameLine() {
        assertEquals(
                Optional.of(new HeadingMatch(Heading.APPLICATION_DEADLINE, "Tuesday, March 24, 2015 at 4:00 p.m.")),
                HeadingRecognizer.recognize("APPLICATION DEADLINE:\tTuesday, March 24, 2015 at 4:00 p.m."));
    }

    @Test
    void upperCaseLinesEndSectionsButSentencesDoNot() {
        assertEquals(Optional.of(Heading.OTHER), heading("QUALIFICATIONS REVIEW"));
        assertEquals(Optional.empty(), heading("Applications will only be accepted on-line."));
        assertEquals(Optional.empty(), heading("$60,489 to $88,468"));
        assertEquals(Optional.empty(), heading("OR"));
        assertEquals(Optional.empty(), heading("A VALID CALIFORNIA DRIVER'S LICENSE IS REQUIRED."));
    }

    @Test
    void synonymsOfTheKnownHeadings() {
        assertHeading(Heading.DUTIES, "JOB DUTIES");
        assertHeading(Heading.DUTIES, "Duties & Responsibilities:");
        assertHeading(Heading.DUTIES, "EXAMPLES OF DUTIES");
        assertHeading(Heading.REQUIREMENTS, "MINIMUM QUALIFICATIONS");
        assertHeading(Heading.REQUIREMENTS, "Qualifications:");
        assertHeading(Heading.REQUIREMENTS, "MINUMUM REQUIREMENTS");
        assertHeading(Heading.WHERE_TO_APPLY, "Where and How to Apply");
        assertHeading(Heading.APPLICATION_DEADLINE, "FILING DEADLINE");
        assertHeading(Heading.APPLICATION_DEADLINE, "Application Filing Period:");
        assertHeading(Heading.SELECTION_PROCESS, "EXAMINATION PROCESS");
        assertHeading(Heading.SELECTION_PROCESS, "Selection Procedures");
        assertHeading(Heading.ANNUAL_SALARY, "salary range:");
        assertHeading(Heading.OTHER, "QUALIFICATIONS REVIEW");
        assertEquals(
                "Thursday, March 15, 2018",
                HeadingRecognizer.recognize("FILING DEADLINE: Thursday, March 15, 2018")
                        .orElseThrow()
                        .inlineText());
    }

    private static void assertHeading(Heading expected, String line) {
        assertEquals(
                expected,
                HeadingRecognizer.recognize(line).map(HeadingMatch::heading).orElse(null),
                line);
    }

    @Test
    void aHeadingInCapitalsWithOneTypingSlipIsStillKnown() {
        assertHeading(Heading.ANNUAL_SALARY, "ANNUAL SALRY");
        assertHeading(Heading.ANNUAL_SALARY, "ANUAL SALARY:");
        assertHeading(Heading.APPLICATION_DEADLINE, "APPLICATION DEADLNE");
        assertHeading(Heading.SELECTION_PROCESS, "SELECTION PROCES");
        assertHeading(Heading.WHERE_TO_APPLY, "WHERE TO APLPY");
        assertHeading(Heading.REQUIREMENTS, "REQUIRMENTS");
        assertHeading(Heading.REQUIREMENTS, "REQUIREMENTS/MINIMUM QULIFICATIONS");
        assertHeading(Heading.OTHER, "SELECTIVE CERTIFICATION");
        assertHeading(Heading.OTHER, "QUALIFICATIONS REVIEW");
        assertHeading(Heading.OTHER, "APPLICATION PROCESS NOTES");
        assertEquals(1, HeadingRecognizer.editDistance("DUTEIS", "DUTIES", 2));
    }
}
