package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Step Functions Express: a request per execution start plus duration × billed memory, in GB-hours, tiered per month.
 * Duration is rounded up to 100 ms per execution and memory to 64 MB chunks (PRICING.md).
 */
public final class ExpressWorkflowCost {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal MEMORY_CHUNK_MB = BigDecimal.valueOf(64);

    /** Request price and the tiered duration price (per GB-hour, or per GB-second if a user's rows say so). */
    public record Prices(Rate request, TieredRate duration) {
        public static Prices from(PriceBook book, String region) {
            return new Prices(Rate.from(book, region, Services.STATES_EXPRESS, Services.REQUEST),
                    TieredRate.fromRows(book.tiers(region, Services.STATES_EXPRESS, Services.DURATION)));
        }
    }

    private ExpressWorkflowCost() {
    }

    /** Duration billed for one execution: rounded up to the next 100 ms. */
    public static BigDecimal billedDurationSeconds(BigDecimal durationSeconds) {
        StandardWorkflowCost.requireNonNegative(durationSeconds, "durationSeconds");
        return durationSeconds.setScale(1, RoundingMode.CEILING);
    }

    /** Memory billed: rounded up to a multiple of 64 MB, at least 64 MB. */
    public static BigDecimal billedMemoryMb(BigDecimal memoryMb) {
        StandardWorkflowCost.requireNonNegative(memoryMb, "memoryMb");
        BigDecimal chunks = memoryMb.divide(MEMORY_CHUNK_MB, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        return chunks.multiply(MEMORY_CHUNK_MB);
    }

    /** GB-seconds billed for {@code executions} of the given duration and memory (both rounded as billed). */
    public static BigDecimal gbSeconds(BigDecimal executions, BigDecimal durationSeconds, BigDecimal memoryMb) {
        StandardWorkflowCost.requireNonNegative(executions, "executions");
        return executions.multiply(billedDurationSeconds(durationSeconds))
                .multiply(billedMemoryMb(memoryMb)).divide(MB_PER_GB);
    }

    /** {@link #gbSeconds} in GB-hours. */
    public static BigDecimal gbHours(BigDecimal executions, BigDecimal durationSeconds, BigDecimal memoryMb) {
        return gbSeconds(executions, durationSeconds, memoryMb).divide(SECONDS_PER_HOUR, Money.DIVISION);
    }

    /**
     * Monthly cost of {@code executions} Express executions, each of {@code durationSeconds} (average per execution)
     * using {@code memoryMb}.
     */
    public static CostBreakdown monthly(BigDecimal executions, BigDecimal durationSeconds, BigDecimal memoryMb,
                                        Prices prices) {
        return monthlyFromUsage(executions, gbSeconds(executions, durationSeconds, memoryMb), prices);
    }

    /**
     * Monthly cost from totals already summed across workflows (the duration tiers are per account per month, so an
     * advisor prices the sum once).
     */
    public static CostBreakdown monthlyFromUsage(BigDecimal requests, BigDecimal gbSeconds, Prices prices) {
        StandardWorkflowCost.requireNonNegative(requests, "requests");
        StandardWorkflowCost.requireNonNegative(gbSeconds, "gbSeconds");
        List<CostLine> lines = new ArrayList<>();
        lines.add(prices.request().line("Express requests", requests));
        lines.addAll(prices.duration().lines("Express duration", inUnit(gbSeconds, prices.duration().unit())));
        return new CostBreakdown(lines);
    }

    static BigDecimal inUnit(BigDecimal gbSeconds, String unit) {
        if (unit.equalsIgnoreCase("GB-hour")) {
            return gbSeconds.divide(SECONDS_PER_HOUR, Money.DIVISION);
        }
        if (unit.equalsIgnoreCase("GB-second")) {
            return gbSeconds;
        }
        throw new IllegalArgumentException("Express duration price unit '" + unit + "' is neither GB-hour nor GB-second");
    }
}
