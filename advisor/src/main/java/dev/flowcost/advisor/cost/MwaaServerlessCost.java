package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;

/**
 * Amazon MWAA Serverless: no environment fee; each task run is billed for its run time per second with a one-minute
 * minimum, at a price per task-hour.
 */
public final class MwaaServerlessCost {

    private MwaaServerlessCost() {
    }

    /** The task-hour price of a region. */
    public static Rate taskHour(PriceBook book, String region) {
        return Rate.from(book, region, Services.MWAA_SERVERLESS, Services.TASK_HOUR);
    }

    /** Seconds billed for one task run: whole seconds, at least 60. */
    public static BigDecimal billedSeconds(BigDecimal taskSeconds) {
        return BilledSeconds.billed(taskSeconds, BilledSeconds.ONE_MINUTE);
    }

    /** Task-hours of {@code taskRuns} runs of {@code secondsPerTask} each. */
    public static BigDecimal taskHours(BigDecimal taskRuns, BigDecimal secondsPerTask) {
        return BilledSeconds.hours(taskRuns, secondsPerTask, BigDecimal.ONE);
    }

    /** Monthly cost of {@code taskRuns} task runs of {@code secondsPerTask} each. */
    public static CostBreakdown monthly(BigDecimal taskRuns, BigDecimal secondsPerTask, Rate taskHour) {
        return CostBreakdown.of(taskHour.line("MWAA Serverless task-hours", taskHours(taskRuns, secondsPerTask)));
    }
}
