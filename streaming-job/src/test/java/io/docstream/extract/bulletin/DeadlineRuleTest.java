package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineRuleTest {

    @Test
    void receivedByGivesTheDeadline() {
        assertEquals(
                Optional.of(LocalDate.of(2018, 6, 14)),
                DeadlineRule.deadline(
                        "Applications and Qualifications Questionnaires must be received by THURSDAY, JUNE 14, 2018."));
    }

    @Test
    void receivedWithoutByAndMisspelledMonthsStillCount() {
        assertEquals(
                Optional.of(LocalDate.of(2017, 6, 8)),
                DeadlineRule.deadline("Applications must be received THURSDAY, JUNE 8, 2017."));
        assertEquals(
                Optional.of(LocalDate.of(2017, 9, 28)),
                DeadlineRule.deadline("Applications must be received by SEPTEMEBER 28, 2017."));
    }

    @Test
    void theLastFilingWindowClosesTheApplications() {
        String windows = """
                Applications will only be accepted on-line on the dates listed below:
                From 8:00 am Tuesday, August 28, 2018 to 11:59 pm, Thursday, August 30, 2018
                From 8:00 am Tuesday, February 26, 2019 to 11:59 pm, Thursday, February 28, 2019
                From 8:00 am Tuesday, August 27, 2019 to 11:59 pm, Thursday, August 29, 2019
                The examination may close without prior notice at any time.""";
        assertEquals(Optional.of(LocalDate.of(2019, 8, 29)), DeadlineRule.deadline(windows));
    }

    @Test
    void theDateApplicationsAreKeptOnFileUntilIsNotTheDeadline() {
        assertEquals(
                Optional.empty(),
                DeadlineRule.deadline("Applications filed will be kept on file until "
                        + "JUNE 1, 2019. This examination may close without prior notice."));
        assertEquals(
                Optional.of(LocalDate.of(2018, 3, 15)),
                DeadlineRule.deadline("Applications will be kept on "
                        + "file until MARCH 15, 2019. Applications must be received by THURSDAY, MARCH 15, 2018."));
    }

    @Test
    void aWindowMayCloseThroughADate() {
        assertEquals(
                Optional.of(LocalDate.of(2018, 2, 22)),
                DeadlineRule.deadline(
                        "Applications will only be accepted on-line from Tuesday, February 20, 2018 through Thursday, "
                                + "February 22, 2018."));
    }

    @Test
    void filingThatMayCloseWithoutNoticeHasNoDeadline() {
        assertEquals(
                Optional.empty(),
                DeadlineRule.deadline("For administrative purposes, filing will close "
                        + "periodically and reopen the following day. This examination may close without prior notice at "
                        + "any time after a sufficient number of applications have been received."));
    }

    @Test
    void aSectionThatIsOnlyADateIsTheDeadline() {
        assertEquals(
                Optional.of(LocalDate.of(2015, 3, 24)), DeadlineRule.deadline("Tuesday, March 24, 2015 at 4:00 p.m."));
    }

    @Test
    void otherDeadlinePhrasings() {
        LocalDate march15 = LocalDate.of(2018, 3, 15);
        assertEquals(
                Optional.of(march15),
                DeadlineRule.deadline(
                        "Applications must be submitted no later than 5:00 p.m. on Thursday, March 15, 2018."));
        assertEquals(Optional.of(march15), DeadlineRule.deadline("Applications are due by March 15, 2018."));
        assertEquals(
                Optional.of(march15),
                DeadlineRule.deadline("Mailed applications must be postmarked by MARCH 15, 2018."));
        assertEquals(
                Optional.of(march15),
                DeadlineRule.deadline("The filing period closes on Thursday, March 15th, 2018 at 11:59 p.m."));
        assertEquals(Optional.of(march15), DeadlineRule.deadline("The deadline is Mar. 15, 2018."));
    }

    @Test
    void datesWithoutADayOfWeekOrCommaOrInFigures() {
        LocalDate march15 = LocalDate.of(2018, 3, 15);
        assertEquals(Optional.of(march15), DeadlineRule.deadline("Applications must be received by March 15 2018."));
        assertEquals(Optional.of(march15), DeadlineRule.deadline("Applications must be received by 3/15/2018."));
        assertEquals(Optional.of(march15), DeadlineRule.deadline("Applications must be received by 03-15-2018."));
        assertEquals(Optional.of(march15), DeadlineRule.deadline("Applications must be received by 3/15/18."));
        assertEquals(
                Optional.of(march15),
                DeadlineRule.deadline("Applications will be accepted from 3/1/2018 to 3/15/2018."));
        assertEquals(
                Optional.empty(),
                DeadlineRule.deadline("Applications must be received by 2/30/2018."),
                "an impossible date is no date");
    }

    @Test
    void acceptedUntilADateIsTheDeadlineButKeptOnFileUntilIsNot() {
        assertEquals(
                Optional.of(LocalDate.of(2018, 3, 15)),
                DeadlineRule.deadline("Applications will be accepted until Thursday, March 15, 2018."));
        assertEquals(
                Optional.empty(),
                DeadlineRule.deadline(
                        "Applications will be accepted until the needs of the service are met. Applications filed will be "
                                + "kept on file until JUNE 1, 2019."));
    }

    @Test
    void aWindowWrittenWithADash() {
        assertEquals(
                Optional.of(LocalDate.of(2018, 3, 15)),
                DeadlineRule.deadline("Filing period: Thursday, March 1, 2018 - Thursday, March 15, 2018"));
        assertEquals(
                Optional.of(LocalDate.of(2018, 3, 15)),
                DeadlineRule.deadline("Applications will be accepted on-line March 1, 2018 – March 15, 2018."));
        assertEquals(
                Optional.of(LocalDate.of(2018, 3, 15)),
                DeadlineRule.deadline("Applications will be accepted on-line from March 1, 2018 thru March 15, 2018."));
    }
}
