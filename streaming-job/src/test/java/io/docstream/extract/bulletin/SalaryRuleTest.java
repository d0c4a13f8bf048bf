package io.docstream.extract.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SalaryRuleTest {

    private static SalaryRule.Salaries salaries(String sectionBody) {
        Section section = BulletinSections.of("ANNUAL SALARY\r\n\r\n" + sectionBody)
                .first(Heading.ANNUAL_SALARY)
                .orElseThrow();
        return SalaryRule.salaries(section);
    }

    @Test
    void twoRangesJoinedByAndSpanTheirLowestAndHighestAmounts() {
        SalaryRule.Salaries salaries = salaries("$60,489 to $88,468 and $71,451 to $104,462");
        assertEquals(Optional.of(new AmountRange(60489, 104462)), salaries.general());
        assertEquals(Optional.empty(), salaries.waterAndPower());
    }

    @Test
    void aFlatRatedAmountIsBothStartAndEnd() {
        assertEquals(
                Optional.of(new AmountRange(90118, 90118)),
                salaries("$90,118 (flat-rated)").general());
    }

    @Test
    void semicolonListsAndSpacesAfterTheDollarSignAreRead() {
        SalaryRule.Salaries salaries = salaries("$65,250 to $ 83,290; $ 73,309 to $ 93,584; $91,642 to $99,409");
        assertEquals(Optional.of(new AmountRange(65250, 99409)), salaries.general());
    }

    @Test
    void theWaterAndPowerSentenceIsTheDwpSalaryNotTheGeneralOne() {
        SalaryRule.Salaries salaries = salaries("$103,841 and $108,482 (flat-rated)\r\n\r\n"
                + "The salary in the Department of Water and Power is $127,388 to $134,488");
        assertEquals(Optional.of(new AmountRange(103841, 108482)), salaries.general());
        assertEquals(Optional.of(new AmountRange(127388, 134488)), salaries.waterAndPower());
    }

    @Test
    void anAmountSplitAcrossLinesStaysInItsSentence() {
        SalaryRule.Salaries salaries = salaries("$66,231 to $94,252; and $89,638 to $127,556\r\n\r\n"
                + "The salary in the Department of Water and Power is $77,360 to $96,110; and $107,156 to\r\n"
                + "$133,130");
        assertEquals(Optional.of(new AmountRange(66231, 127556)), salaries.general());
        assertEquals(Optional.of(new AmountRange(77360, 133130)), salaries.waterAndPower());
    }

    @Test
    void otherDepartmentsSalariesAreNeitherGeneralNorDwp() {
        SalaryRule.Salaries salaries = salaries("$84,918 to $99,931 and $92,206 to $108,513\r\n"
                + "The salary in the Harbor Department is $87,111 to $112,479.");
        assertEquals(Optional.of(new AmountRange(84918, 108513)), salaries.general());
    }

    @Test
    void aDwpSentenceOnTheSameLineWithoutAFullStopIsSeparated() {
        SalaryRule.Salaries salaries = salaries("$52,806 to $77,172 The salary range in the Department of "
                + "Water and Power is $83,373 to $88,030; $90,285 to $95,317.");
        assertEquals(Optional.of(new AmountRange(52806, 77172)), salaries.general());
        assertEquals(Optional.of(new AmountRange(83373, 95317)), salaries.waterAndPower());
    }

    @Test
    void waterAndPowerMayBeWrittenWithAnAmpersand() {
        assertEquals(
                Optional.of(new AmountRange(70000, 80000)),
                salaries("$60,000 to $70,000\r\n"
                                + "The salary in the Department of Water & Power is $70,000 to $80,000.")
                        .waterAndPower());
    }

    @Test
    void anHourlyRateIsNotAnAnnualAmount() {
        assertEquals(
                Optional.of(new AmountRange(46812, 58150)),
                salaries("$46,812 to $58,150\r\nThe per diem hourly rate is $22.42.")
                        .general());
        assertEquals(
                Optional.of(new AmountRange(46812, 58150)),
                salaries("$46,812 to $58,150\r\nTrainees are paid $3,120 per month.")
                        .general());
    }

    @Test
    void aPendingSalaryHasNoAmount() {
        assertEquals(
                Optional.empty(),
                salaries("Salary scale pending. Salary to be determined prior to appointment.")
                        .general());
    }

    @Test
    void amountWritingsBeyondTheCorpus() {
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$48000 to $60000").general());
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$ 48,000 – $ 60,000").general());
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$48,000 - 60,000").general());
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$48,000 to 60,000 (two steps)").general());
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$48K to $60K").general());
        assertEquals(
                Optional.of(new AmountRange(48000.5, 60000.75)),
                salaries("$48,000.50 - $60,000.75").general());
        assertEquals(
                Optional.of(new AmountRange(48000, 48000)),
                salaries("$48,000 (flat-rated) through June 30, 2019").general(),
                "a date is not a range end");
        assertEquals(
                Optional.of(new AmountRange(48000, 60000)),
                salaries("$48,000 to\r\n$60,000").general());
    }

    @Test
    void salarySynonymHeadings() {
        for (String heading : new String[] {"SALARY", "Salary Range:", "ANNUAL SALARIES", "annual salary range"}) {
            Section section = BulletinSections.of("CLERK\nClass Code: 1111\n" + heading + "\n$48,000 to $60,000\n")
                    .first(Heading.ANNUAL_SALARY)
                    .orElseThrow(() -> new AssertionError(heading));
            assertEquals(
                    Optional.of(new AmountRange(48000, 60000)),
                    SalaryRule.salaries(section).general(),
                    heading);
        }
    }

    @Test
    void waterAndPowerMayBeAbbreviated() {
        SalaryRule.Salaries salaries = salaries("$60,000 to $80,000\nThe salary at LADWP is $70,000 to $90,000.");
        assertEquals(Optional.of(new AmountRange(60000, 80000)), salaries.general());
        assertEquals(Optional.of(new AmountRange(70000, 90000)), salaries.waterAndPower());
    }
}
