package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * salary_start/end and salary_dwp_start/end from the ANNUAL SALARY section. The section is read as statements
 * (sentences, or lines that start with a word); the general salary is every amount in statements that name no
 * other department, the DWP salary every amount in statements naming the Department of Water and Power.
 * Amounts split across lines stay in their statement because a line starting with "$" continues the previous one.
 */
public final class SalaryRule {

    private static final Pattern AMOUNT =
            Pattern.compile("\\$\\s*(\\d{1,3}(?:, ?\\d{3})+|\\d+)(\\.\\d{1,2})?([kK](?![a-zA-Z]))?");
    /** The end of a range written without a second "$": "$48,000 - 60,000", "$48,000 to 60,000". */
    private static final Pattern BARE_RANGE_END =
            Pattern.compile("\\s*(?:-|–|—|to|through)\\s*(\\d{1,3}(?:,\\d{3})+|\\d{4,})(\\.\\d{1,2})?(?![\\d,/-])");

    private static final double THOUSAND = 1000;
    private static final Pattern OTHER_DEPARTMENT =
            Pattern.compile("(?i)\\bsalar(?:y|ies)(?:\\s+ranges?)?\\s+(?:in|for|at)\\s+(?:the\\s+)?"
                    + "(?:department|harbor|airport|los angeles world airports|port|lawa)");

    private SalaryRule() {}

    public record Salaries(Optional<AmountRange> general, Optional<AmountRange> waterAndPower) {}

    public static Salaries salaries(Section salarySection) {
        Accumulator general = new Accumulator();
        Accumulator waterAndPower = new Accumulator();
        for (String statement : SalaryStatements.of(salarySection)) {
            String lower = statement.toLowerCase(Locale.ROOT);
            if (isNotAnnual(lower)) {
                continue; // "The per diem hourly rate is $22.42." is not an annual salary
            }
            if (namesWaterAndPower(lower)) {
                addAmounts(statement, waterAndPower);
            } else if (!lower.contains("salar")
                    || !OTHER_DEPARTMENT.matcher(statement).find()) {
                addAmounts(statement, general);
            }
        }
        return new Salaries(general.range(), waterAndPower.range());
    }

    /** The DWP salary stated elsewhere, e.g. in a note under the salary: "1. The salary in the Department of Water and Power is ...". */
    public static Optional<AmountRange> waterAndPower(Section section) {
        Accumulator waterAndPower = new Accumulator();
        for (String statement : SalaryStatements.of(section)) {
            if (namesWaterAndPower(statement.toLowerCase(Locale.ROOT))) {
                addAmounts(statement, waterAndPower);
            }
        }
        return waterAndPower.range();
    }

    private static boolean isNotAnnual(String lowerStatement) {
        return lowerStatement.contains("hourly")
                || lowerStatement.contains("per hour")
                || lowerStatement.contains("monthly")
                || lowerStatement.contains("per month")
                || lowerStatement.contains("weekly")
                || lowerStatement.contains("per week")
                || lowerStatement.contains("daily")
                || lowerStatement.contains("per day");
    }

    private static boolean namesWaterAndPower(String lowerStatement) {
        // "Department of Water and Power", "Water & Power", "DWP", "LADWP".
        return lowerStatement.contains("water and power")
                || lowerStatement.contains("water & power")
                || lowerStatement.contains("dwp");
    }

    /** Every dollar amount in the text, "$60,489", "$ 108,722", "$5000", "$48K", and the bare end of "$48,000 - 60,000". */
    static void addAmounts(String text, Accumulator into) {
        if (text.indexOf('$') < 0) {
            return;
        }
        Matcher matcher = AMOUNT.matcher(text);
        Matcher rangeEnd = null;
        while (matcher.find()) {
            double amount = number(matcher.group(1), matcher.group(2));
            if (matcher.group(3) != null && amount < THOUSAND) {
                amount *= THOUSAND; // "$48K"
            }
            into.add(amount);
            int end = matcher.end();
            if (end < text.length()) {
                if (rangeEnd == null) {
                    rangeEnd = BARE_RANGE_END.matcher(text);
                }
                rangeEnd.region(end, text.length());
                if (rangeEnd.lookingAt()) {
                    into.add(number(rangeEnd.group(1), rangeEnd.group(2)));
                }
            }
        }
    }

    /** "60,489" and ".50" → 60489.5. */
    private static double number(String digits, String cents) {
        double whole = Double.parseDouble(digits.replace(",", "").replace(" ", ""));
        return cents == null ? whole : whole + Double.parseDouble(cents);
    }

    static final class Accumulator {
        private double low = Double.POSITIVE_INFINITY;
        private double high = Double.NEGATIVE_INFINITY;

        void add(double amount) {
            low = Math.min(low, amount);
            high = Math.max(high, amount);
        }

        Optional<AmountRange> range() {
            return low > high ? Optional.empty() : Optional.of(new AmountRange(low, high));
        }
    }
}
