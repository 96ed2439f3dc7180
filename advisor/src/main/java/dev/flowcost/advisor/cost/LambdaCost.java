package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Lambda: requests plus GB-seconds (duration billed per 1 ms × memory MB / 1024), tiered per month by
 * architecture, after the account's monthly free requests and GB-seconds (applied once; the caller says what remains).
 */
public final class LambdaCost {

    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);

    /** Request price, tiered duration price for one architecture, and the monthly free quantities. */
    public record Prices(Rate request, TieredRate duration, Rate freeRequests, Rate freeGbSeconds) {
        public static Prices from(PriceBook book, String region, Architecture architecture) {
            return new Prices(Rate.from(book, region, Services.LAMBDA, Services.REQUEST),
                    TieredRate.fromRows(book.tiers(region, Services.LAMBDA, Services.lambdaDuration(architecture))),
                    Rate.from(book, region, Services.LAMBDA, Services.FREE_REQUESTS),
                    Rate.from(book, region, Services.LAMBDA, Services.FREE_GB_SECONDS));
        }
    }

    private LambdaCost() {
    }

    /**
     * GB-seconds billed for one invocation of {@code durationSeconds} with {@code memoryMb}: the duration rounded up
     * to 1 ms, times the memory in GB. The one Lambda duration rule every caller (workflow costing, rules, DAG
     * migration) prices with (https://aws.amazon.com/lambda/pricing/: "duration ... rounded up to the nearest 1 ms").
     */
    public static BigDecimal billedGbSeconds(BigDecimal durationSeconds, BigDecimal memoryMb) {
        StandardWorkflowCost.requireNonNegative(durationSeconds, "durationSeconds");
        StandardWorkflowCost.requireNonNegative(memoryMb, "memoryMb");
        return durationSeconds.setScale(3, RoundingMode.CEILING).multiply(memoryMb).divide(MB_PER_GB);
    }

    /** GB-seconds of {@code invocations}, each lasting {@code durationMs} (rounded up to 1 ms) with {@code memoryMb}. */
    public static BigDecimal gbSeconds(BigDecimal invocations, BigDecimal durationMs, BigDecimal memoryMb) {
        StandardWorkflowCost.requireNonNegative(invocations, "invocations");
        StandardWorkflowCost.requireNonNegative(durationMs, "durationMs");
        return invocations.multiply(billedGbSeconds(durationMs.divide(MS_PER_SECOND), memoryMb));
    }

    /** Monthly cost of {@code invocations} of {@code durationMs} each at {@code memoryMb}. */
    public static CostBreakdown monthly(BigDecimal invocations, BigDecimal durationMs, BigDecimal memoryMb,
                                        BigDecimal freeRequestsRemaining, BigDecimal freeGbSecondsRemaining,
                                        Prices prices) {
        return monthlyFromUsage(invocations, gbSeconds(invocations, durationMs, memoryMb), freeRequestsRemaining,
                freeGbSecondsRemaining, prices);
    }

    /** Monthly cost from request and GB-second totals (summed across functions of one architecture). */
    public static CostBreakdown monthlyFromUsage(BigDecimal requests, BigDecimal gbSeconds,
                                                 BigDecimal freeRequestsRemaining, BigDecimal freeGbSecondsRemaining,
                                                 Prices prices) {
        StandardWorkflowCost.requireNonNegative(requests, "requests");
        StandardWorkflowCost.requireNonNegative(gbSeconds, "gbSeconds");
        StandardWorkflowCost.requireNonNegative(freeRequestsRemaining, "freeRequestsRemaining");
        StandardWorkflowCost.requireNonNegative(freeGbSecondsRemaining, "freeGbSecondsRemaining");
        List<CostLine> lines = new ArrayList<>();
        BigDecimal freeRequests = requests.min(freeRequestsRemaining);
        if (freeRequests.signum() > 0) {
            lines.add(CostLine.free("Lambda free tier requests", freeRequests, prices.request().unit(),
                    prices.freeRequests().priceKey()));
        }
        lines.add(prices.request().line("Lambda requests", requests.subtract(freeRequests)));
        BigDecimal freeGbs = gbSeconds.min(freeGbSecondsRemaining);
        if (freeGbs.signum() > 0) {
            lines.add(CostLine.free("Lambda free tier duration", freeGbs, prices.duration().unit(),
                    prices.freeGbSeconds().priceKey()));
        }
        lines.addAll(prices.duration().lines("Lambda duration", gbSeconds.subtract(freeGbs)));
        return new CostBreakdown(lines);
    }
}
