package dev.flowcost.report.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Expected values come out of linear algebra as 151.9999999999999; views show them to 6 decimal places. */
final class Rounding {
    private Rounding() {
    }

    static BigDecimal of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
