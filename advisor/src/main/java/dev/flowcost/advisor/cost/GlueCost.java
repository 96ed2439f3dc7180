package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;

/** AWS Glue jobs (Glue 2.0 and later): DPU-hours billed per second with a one-minute minimum per run. */
public final class GlueCost {

    private GlueCost() {
    }

    /** The DPU-hour price of a region. */
    public static Rate dpuHour(PriceBook book, String region) {
        return Rate.from(book, region, Services.GLUE, Services.DPU_HOUR);
    }

    /** DPU-hours of {@code runs} job runs of {@code secondsPerRun} on {@code dpu} DPUs. */
    public static BigDecimal dpuHours(BigDecimal runs, BigDecimal secondsPerRun, BigDecimal dpu) {
        return BilledSeconds.hours(runs, secondsPerRun, dpu);
    }

    /** Monthly cost of {@code runs} job runs of {@code secondsPerRun} on {@code dpu} DPUs. */
    public static CostBreakdown monthly(BigDecimal runs, BigDecimal secondsPerRun, BigDecimal dpu, Rate dpuHour) {
        return CostBreakdown.of(dpuHour.line("Glue DPU-hours", dpuHours(runs, secondsPerRun, dpu)));
    }
}
