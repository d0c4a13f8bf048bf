package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionAndLocationRulesTest {

    private static Section selection(String body) {
        return BulletinSections.of("SELECTION PROCESS\n\n" + body)
                .first(Heading.SELECTION_PROCESS)
                .orElseThrow();
    }

    @Test
    void componentsAreTheRowsOfTheWeightTableInOrder() {
        Section section = selection("Examination Weights:\tWritten Test . . . . . . . . .Qualifying\n"
                + "\tEssay . . . . . . . . . . .Advisory\n"
                + "\tInterview . . . . . . . . . 100%\n\nThe examination will consist of a qualifying written test.");
        assertEquals(List.of("Written Test", "Essay", "Interview"), SelectionRule.selection(section));
    }

    @Test
    void withoutATableTheConsistsOfSentenceNamesTheComponents() {
        Section section = selection("The examination will consist entirely of an interview. In the interview, "
                + "emphasis will be placed on experience.");
        assertEquals(List.of("Interview"), SelectionRule.selection(section));
    }

    @Test
    void onlyOnLineApplicationsAreOnline() {
        assertEquals(
                "Online",
                ApplicationLocationRule.applicationLocation(
                        "Applications will only be accepted on-line. When you are viewing the on-line job bulletin..."));
        assertEquals(
                "Online", ApplicationLocationRule.applicationLocation("Applications WILL ONLY BE ACCEPTED ONLINE."));
        assertEquals(
                "Mail or In Person",
                ApplicationLocationRule.applicationLocation(
                        "Applications WILL ONLY BE ACCEPTED ON THE CITY APPLICATION FORM. Applications MAY ONLY be "
                                + "submitted to the Human Resources/Personnel Services Section."));
    }

    @Test
    void otherWordingsOfOnlineFilingAndComponents() {
        assertEquals(
                "Online",
                ApplicationLocationRule.applicationLocation(
                        "Applications will be received exclusively on-line at the City's website."));
        assertEquals("Online", ApplicationLocationRule.applicationLocation("Applications must be submitted online."));
        assertEquals(
                "Mail or In Person",
                ApplicationLocationRule.applicationLocation(
                        "Applications may be mailed or delivered in person to Room 100."));
        Section section = BulletinSections.of("SELECTION PROCESS\nThe examination will consist of a written "
                        + "examination and an oral interview.\n")
                .first(Heading.SELECTION_PROCESS)
                .orElseThrow();
        assertEquals(List.of("Written examination", "Interview"), SelectionRule.selection(section));
    }
}
