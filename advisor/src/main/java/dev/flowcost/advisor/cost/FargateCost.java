package dev.flowcost.advisor.cost;

import dev.flowcost.advisor.price.Architecture;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.Services;

import java.math.BigDecimal;

/**
 * AWS Fargate, for a migrated task that needs its own compute: vCPU-hours and GB-hours, per second with a one-minute
 * minimum per task.
 */
public final class FargateCost {

    /** vCPU-hour and GB-hour prices for one architecture. */
    public record Prices(Rate vcpuHour, Rate gbHour) {
        public static Prices from(PriceBook book, String region, Architecture architecture) {
            return new Prices(Rate.from(book, region, Services.FARGATE, Services.fargateVcpu(architecture)),
                    Rate.from(book, region, Services.FARGATE, Services.fargateMemory(architecture)));
        }
    }

    private FargateCost() {
    }

    /** Task-hours billed for {@code tasks} runs of {@code secondsPerTask}: whole seconds, at least one minute each. */
    public static BigDecimal taskHours(BigDecimal tasks, BigDecimal secondsPerTask) {
        return BilledSeconds.hours(tasks, secondsPerTask, BigDecimal.ONE);
    }

    /** Monthly cost of {@code tasks} task runs of {@code secondsPerTask} each with {@code vcpu} and {@code memoryGb}. */
    public static CostBreakdown monthly(BigDecimal tasks, BigDecimal secondsPerTask, BigDecimal vcpu,
                                        BigDecimal memoryGb, Prices prices) {
        return CostBreakdown.of(
                prices.vcpuHour().line("Fargate vCPU-hours", BilledSeconds.hours(tasks, secondsPerTask, vcpu)),
                prices.gbHour().line("Fargate GB-hours", BilledSeconds.hours(tasks, secondsPerTask, memoryGb)));
    }
}
