package dev.flowcost.advisor.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Per-second billing with a minimum (Fargate, Glue, MWAA Serverless bill whole seconds with a one-minute minimum). */
final class BilledSeconds {

    static final BigDecimal ONE_MINUTE = BigDecimal.valueOf(60);
    static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private BilledSeconds() {
    }

    /** Seconds rounded up to a whole second, at least {@code minimum}. */
    static BigDecimal billed(BigDecimal seconds, BigDecimal minimum) {
        StandardWorkflowCost.requireNonNegative(seconds, "seconds");
        return seconds.setScale(0, RoundingMode.CEILING).max(minimum);
    }

    /** runs × billed seconds × units / 3600. */
    static BigDecimal hours(BigDecimal runs, BigDecimal secondsPerRun, BigDecimal unitsPerRun) {
        StandardWorkflowCost.requireNonNegative(runs, "runs");
        StandardWorkflowCost.requireNonNegative(unitsPerRun, "units");
        return runs.multiply(billed(secondsPerRun, ONE_MINUTE)).multiply(unitsPerRun)
                .divide(SECONDS_PER_HOUR, Money.DIVISION);
    }
}
