package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExamTypeRuleTest {

    @Test
    void theGivenOnStatementSpansLines() {
        assertEquals(
                Optional.of("INT_DEPT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\r\n",
                        "THIS EXAMINATION IS TO BE GIVEN ONLY ON AN",
                        "INTERDEPARTMENTAL PROMOTIONAL BASIS",
                        "")));
        assertEquals(
                Optional.of("OPEN_INT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\r\n",
                        "THIS EXAMINATION IS TO BE GIVEN BOTH ON AN",
                        "INTERDEPARTMENTAL PROMOTIONAL AND AN OPEN COMPETITIVE BASIS")));
        assertEquals(
                Optional.of("DEPT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\r\n", "THIS EXAMINATION IS TO BE GIVEN ONLY", "ON A DEPARTMENTAL PROMOTIONAL BASIS")));
        assertEquals(
                Optional.of("OPEN"),
                ExamTypeRule.examType(
                        String.join("\r\n", "THIS EXAMINATION IS TO BE GIVEN", "ONLY ON AN OPEN COMPETITIVE BASIS")));
    }

    @Test
    void theMisspellingCompetitveIsRead() {
        assertEquals(
                Optional.of("OPEN_INT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\r\n",
                        "THIS EXAMINATION IS TO BE GIVEN ON AN",
                        "INTERDEPARTMENTAL PROMOTIONAL AND OPEN COMPETITVE BASIS")));
    }

    @Test
    void withoutTheStatementTheExamOpenToLineDecides() {
        assertEquals(
                Optional.of("INT_DEPT_PROM"),
                ExamTypeRule.examType(
                        String.join("\r\n", "Open Date:  06-01-18", "(Exam Open to Current City Employees)")));
        assertEquals(
                Optional.of("OPEN_INT_PROM"),
                ExamTypeRule.examType("(Exam Open to All, including Current City Employees)"));
        assertEquals(Optional.empty(), ExamTypeRule.examType(String.join("\r\n", "CARPENTER", "Class Code: 3344")));
    }

    @Test
    void statementVariantsAndSpellings() {
        assertEquals(
                Optional.of("OPEN"),
                ExamTypeRule.examType(
                        String.join("\n", "THIS EXAM IS TO BE GIVEN ONLY", "ON AN OPEN-COMPETITIVE BASIS")));
        assertEquals(
                Optional.of("OPEN_INT_PROM"),
                ExamTypeRule.examType(
                        "This examination will be given on both an inter-departmental promotional and an open competitive basis."));
        assertEquals(
                Optional.of("INT_DEPT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\n",
                        "Credit will be given for experience.",
                        "THIS EXAMINATION IS TO BE GIVEN ONLY ON AN",
                        "INTER DEPARTMENTAL PROMOTION BASIS")));
        assertEquals(
                Optional.of("DEPT_PROM"),
                ExamTypeRule.examType(String.join(
                        "\r", "THIS EXAMINATION IS TO BE GIVEN ONLY", "ON A DEPARTMENTAL PROMOTIONAL BASIS")));
    }
}
