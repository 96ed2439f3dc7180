package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.ServiceNotOfferedException;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;

/**
 * Amazon MWAA Serverless: no environment fee; each task run is billed for its run time per second with a one-minute
 * minimum, at a price per task-hour. It is not offered in every region (not in us-west-1 nor GovCloud: MWAA Serverless
 * user guide, https://docs.aws.amazon.com/mwaa/latest/mwaa-serverless-userguide/what-is-mwaa-serverless.html#regions),
 * so the bundled book has no row there and {@link #taskHour} says it is not offered.
 */
public final class MwaaServerlessCost {

    private MwaaServerlessCost() {
    }

    /** True when the book prices MWAA Serverless in this region (AWS offers it there, or the user added a row). */
    public static boolean offeredIn(PriceBook book, String region) {
        return book.has(region, Services.MWAA_SERVERLESS, Services.TASK_HOUR);
    }

    /**
     * The task-hour price of a region.
     *
     * @throws ServiceNotOfferedException when the region is known but MWAA Serverless has no price there
     */
    public static Rate taskHour(PriceBook book, String region) {
        if (!offeredIn(book, region) && book.regions().contains(region)) {
            throw new ServiceNotOfferedException("MWAA Serverless", Services.MWAA_SERVERLESS, region,
                    book.regions().stream().filter(r -> offeredIn(book, r)).toList());
        }
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
