package dev.flowcost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Display of recorded amounts as dollars ($1,234.56) and counts ({@code 14,402,160}) in every report format; rounding
 * here is for display only, never for sums.
 */
public final class Money {

    private Money() {
    }

    /**
     * {@code $1,234.56}, HALF_UP to cents; negative amounts as {@code -$0.10}. The advisor's
     * {@link dev.flowcost.advisor.cost.Money#display} writes the dollars in its own sentences; this is the same text.
     */
    public static String usd(BigDecimal amount) {
        return dev.flowcost.advisor.cost.Money.display(amount);
    }

    /** A count with thousands separators and at most two decimals ({@code 14,402,160}, {@code 0.5}). */
    public static String count(BigDecimal value) {
        return grouped("#,##0.##").format(value);
    }

    /** A count given as a double. */
    public static String count(double value) {
        return count(BigDecimal.valueOf(value));
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format;
    }
}
