package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.cost.ExpressWorkflowCost;
import dev.flowcost.advisor.cost.LambdaCost;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.StandardWorkflowCost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The billed quantities of Step Functions and Lambda as {@link CostItem}s: the shared vocabulary of the workflow
 * costing and of every rule, so "now" and "after" of a finding are priced the same way as the workflow itself.
 * Quantities are per execution (and per item where an item count drives them); tiers are per item list.
 */
public final class BilledItems {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private BilledItems() {
    }

    /** Standard state transitions: {@code (perExecution + perItem × items) × executions}. */
    public static CostItem transitions(String component, BigDecimal perExecution, BigDecimal perItem,
                                       CostItems.Volume volume, StandardWorkflowCost.Prices prices) {
        return CostItems.perExecution(component, perExecution, perItem, volume, prices.transition());
    }

    /**
     * Express executions: a request each and duration × memory, each execution's duration rounded up to 100 ms and
     * memory to 64 MB chunks.
     *
     * @param executionsPerExecution Express executions per (parent) execution: 1 for an Express workflow, the
     *                               children for a Distributed Map
     */
    public static List<CostItem> express(String component, BigDecimal executionsPerExecution, double durationSeconds,
                                         BigDecimal memoryMb, CostItems.Volume volume, ExpressWorkflowCost.Prices prices) {
        List<CostItem> out = new ArrayList<>();
        out.add(CostItems.perExecution(component + " requests", executionsPerExecution, volume, prices.request()));
        BigDecimal gbSeconds = ExpressWorkflowCost.gbSeconds(executionsPerExecution, nonNegative(durationSeconds),
                memoryMb);
        out.addAll(CostItems.perExecutionTiered(component + " duration",
                inUnit(gbSeconds, prices.duration().unit()), BigDecimal.ZERO, volume, prices.duration()));
        return out;
    }

    /**
     * Lambda invocations: requests and GB-seconds (duration rounded up to 1 ms × memory / 1024).
     *
     * @param invocationsPerExecution invocations per execution not tied to items
     * @param invocationsPerItem      invocations per item (0 when no item drives them)
     */
    public static List<CostItem> lambda(String component, BigDecimal invocationsPerExecution,
                                        BigDecimal invocationsPerItem, double durationSeconds, int memoryMb,
                                        CostItems.Volume volume, LambdaCost.Prices prices) {
        BigDecimal gbSecondsPerInvocation = LambdaCost.billedGbSeconds(nonNegative(durationSeconds),
                BigDecimal.valueOf(memoryMb));
        List<CostItem> out = new ArrayList<>();
        out.add(CostItems.perExecution(component + " Lambda requests", invocationsPerExecution, invocationsPerItem,
                volume, prices.request()));
        out.addAll(CostItems.perExecutionTiered(component + " Lambda duration",
                invocationsPerExecution.multiply(gbSecondsPerInvocation),
                invocationsPerItem.multiply(gbSecondsPerInvocation), volume, prices.duration()));
        return out;
    }

    private static BigDecimal inUnit(BigDecimal gbSeconds, String unit) {
        if (unit.equalsIgnoreCase("GB-hour")) {
            return gbSeconds.divide(SECONDS_PER_HOUR, Money.DIVISION);
        }
        if (unit.equalsIgnoreCase("GB-second")) {
            return gbSeconds;
        }
        throw new IllegalArgumentException("Express duration price unit '" + unit + "' is neither GB-hour nor GB-second");
    }

    private static BigDecimal nonNegative(double v) {
        return BigDecimal.valueOf(Double.isFinite(v) ? Math.max(0, v) : 0);
    }

}
