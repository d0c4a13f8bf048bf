package io.docstream.extract;

import java.time.LocalDate;
import java.util.List;

/** Checks values against each other after extraction; a failure is a warning on the row, never a dropped row. */
final class RowSanity {

    /** Annual salaries outside this band are misread numbers (an hourly rate, a class code), not salaries. */
    private static final double LOWEST_ANNUAL_SALARY = 1_000;

    private static final double HIGHEST_ANNUAL_SALARY = 10_000_000;

    private RowSanity() {}

    static void check(
            Double salaryStart,
            Double salaryEnd,
            Double dwpStart,
            Double dwpEnd,
            LocalDate startDate,
            LocalDate endDate,
            List<String> warnings) {
        if (salaryStart != null && salaryEnd != null && salaryStart > salaryEnd) {
            warnings.add(ParseWarning.SALARY_START_GT_END.name());
        }
        if (dwpStart != null && dwpEnd != null && dwpStart > dwpEnd) {
            warnings.add(ParseWarning.DWP_SALARY_START_GT_END.name());
        }
        if (outOfRange(salaryStart) || outOfRange(salaryEnd) || outOfRange(dwpStart) || outOfRange(dwpEnd)) {
            warnings.add(ParseWarning.SALARY_OUT_OF_RANGE.name());
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            warnings.add(ParseWarning.END_DATE_BEFORE_START_DATE.name());
        }
    }

    private static boolean outOfRange(Double amount) {
        return amount != null && (amount < LOWEST_ANNUAL_SALARY || amount > HIGHEST_ANNUAL_SALARY);
    }
}
