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

    private static final Pattern AMOUNT = Pattern.compile("\\$\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?");
    private static final Pattern OTHER_DEPARTMENT = Pattern.compile(
            "(?i)\\bsalar(?:y|ies)(?:\\s+ranges?)?\\s+(?:in|for|at)\\s+(?:the\\s+)?"
                    + "(?:department|harbor|airport|los angeles world airports|port|lawa)");

    private SalaryRule() {
    }

    public record Salaries(Optional<AmountRange> general, Optional<AmountRange> waterAndPower) {
    }

    public static Salaries salaries(Section salarySection) {
        Accumulator general = new Accumulator();
        Accumulator waterAndPower = new Accumulator();
        for (String statement : SalaryStatements.of(salarySection)) {
            String lower = statement.toLowerCase(Locale.ROOT);
            if (lower.contains("water and power")) {
                addAmounts(statement, waterAndPower);
            } else if (!OTHER_DEPARTMENT.matcher(statement).find()) {
                addAmounts(statement, general);
            }
        }
        return new Salaries(general.range(), waterAndPower.range());
    }

    /** Every dollar amount in the text, "$60,489", "$ 108,722", "$5000". */
    static void addAmounts(String text, Accumulator into) {
        if (text.indexOf('$') < 0) {
            return;
        }
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            into.add(Double.parseDouble(matcher.group(1).replace(",", "")));
        }
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
