package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines above the first section: title, class code, open date. */
class PreambleRulesTest {

    private static final List<String> PREAMBLE = BulletinLines.split(
            "\r\n  ADMINISTRATIVE \t ANALYST \r\n\r\nClass Code:       0162\r\nOpen Date:  06-01-18\r\n"
                    + "(Exam Open to Current City Employees)\r\n");

    @Test
    void positionIsTheFirstNonBlankLineCollapsed() {
        assertEquals(Optional.of("ADMINISTRATIVE ANALYST"), PositionRule.position(PREAMBLE));
    }

    @Test
    void classCodeKeepsLeadingZeros() {
        assertEquals(Optional.of("0162"), ClassCodeRule.classCode(PREAMBLE));
    }

    @Test
    void openDateIsMonthDayTwoDigitYear() {
        assertEquals(Optional.of(LocalDate.of(2018, 6, 1)), OpenDateRule.openDate(PREAMBLE));
        assertEquals(Optional.of(LocalDate.of(1999, 2, 5)), OpenDateRule.openDate(List.of("Open Date:  02-05-99")));
        assertEquals(Optional.empty(), OpenDateRule.openDate(List.of("Open Date:  13-45-18")));
    }

    @Test
    void linesEndInCrlfCrOrLf() {
        assertEquals(List.of("a", "b", "", "c", "d"), BulletinLines.split("a\r\nb\r\rc\nd"));
    }

    @Test
    void otherWaysOfWritingTheClassCodeAndOpenDate() {
        assertEquals(Optional.of("1590"), ClassCodeRule.classCode(List.of("Class Code No. 1590")));
        assertEquals(Optional.of("1590"), ClassCodeRule.classCode(List.of("Class Code #1590")));
        assertEquals(Optional.of("0162"), ClassCodeRule.classCode(List.of("CLASS CODE - 0162")));
        assertEquals(Optional.of(LocalDate.of(2018, 6, 1)), OpenDateRule.openDate(List.of("Open Date: 06/01/2018")));
        assertEquals(Optional.of(LocalDate.of(2018, 6, 1)), OpenDateRule.openDate(List.of("Open Date: June 1, 2018")));
        assertEquals(
                Optional.of(LocalDate.of(2018, 6, 1)),
                OpenDateRule.openDate(List.of("OPEN DATE: FRIDAY, JUNE 1 2018")));
    }
}
