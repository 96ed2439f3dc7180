package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * USD helpers. Amounts stay exact {@link BigDecimal}s through every formula; only display rounds (HALF_UP to cents),
 * so a report's total is the rounded exact sum, never a sum of rounded parts.
 */
public final class Money {

    /**
     * Precision for the few divisions that cannot be exact (seconds to hours, GB-seconds to GB-hours): 34 significant
     * digits, far below a cent at any realistic volume.
     */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private Money() {
    }

    /** An exact amount from its decimal text: {@code Money.usd("0.025")}. */
    public static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * A count or duration from the engines as a decimal, to 12 significant digits (doubles carry noise below that);
     * negative values become 0.
     */
    public static BigDecimal quantity(double v) {
        return new BigDecimal(Math.max(0, v)).round(new MathContext(12)).stripTrailingZeros();
    }

    /** The amount rounded HALF_UP to cents, for display only. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code $1,706.00}: the amount rounded to cents with grouping. */
    public static String display(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        BigDecimal c = cents(amount);
        return (c.signum() < 0 ? "-$" : "$") + f.format(c.abs());
    }

    /**
     * {@link #display} for sentences about small amounts: four decimals under a dollar ({@code $0.0042}) so a
     * per-DAG saving does not read as $0.00; cents otherwise.
     */
    public static String displayPrecise(BigDecimal amount) {
        if (amount.signum() != 0 && amount.abs().compareTo(BigDecimal.ONE) < 0) {
            return (amount.signum() < 0 ? "-$" : "$") + amount.abs().setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        return display(amount);
    }
}
