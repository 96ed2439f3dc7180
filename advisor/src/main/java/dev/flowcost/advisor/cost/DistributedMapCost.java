package dev.flowcost.advisor.cost;

import java.math.BigDecimal;

/**
 * A Distributed Map's bill: one transition per child execution started (charged to the parent), plus the children's
 * own bill: transitions for STANDARD children, requests and duration for EXPRESS children. An ItemBatcher cuts the
 * number of children to ceil(items / items per batch), also bounded by MaxInputBytesPerBatch.
 */
public final class DistributedMapCost {

    private DistributedMapCost() {
    }

    /**
     * Child executions one Map run starts.
     *
     * @param items                 items the Map iterates, ≥ 0
     * @param maxItemsPerBatch      ItemBatcher MaxItemsPerBatch, 0 when there is no batcher or no item limit
     * @param itemBytes             average item size in bytes, 0 when unknown
     * @param maxInputBytesPerBatch ItemBatcher MaxInputBytesPerBatch, 0 when unset
     */
    public static long childExecutions(long items, long maxItemsPerBatch, long itemBytes, long maxInputBytesPerBatch) {
        if (items < 0 || maxItemsPerBatch < 0 || itemBytes < 0 || maxInputBytesPerBatch < 0) {
            throw new IllegalArgumentException("Map item counts and sizes must not be negative");
        }
        boolean batching = maxItemsPerBatch > 0 || maxInputBytesPerBatch > 0;
        if (!batching || items == 0) {
            return items;
        }
        long perBatch = maxItemsPerBatch > 0 ? maxItemsPerBatch : Long.MAX_VALUE;
        if (maxInputBytesPerBatch > 0 && itemBytes > 0) {
            perBatch = Math.min(perBatch, Math.max(1, maxInputBytesPerBatch / itemBytes));
        }
        if (perBatch == Long.MAX_VALUE) {
            return 1;
        }
        return (items + perBatch - 1) / perBatch;
    }

    /**
     * Transitions one execution makes with STANDARD children: the parent's own states (the Map state included),
     * one per child started, and each child's transitions.
     */
    public static BigDecimal standardTransitionsPerExecution(BigDecimal parentTransitions, long children,
                                                             BigDecimal transitionsPerChild) {
        BigDecimal n = BigDecimal.valueOf(children);
        return parentTransitions.add(n).add(n.multiply(transitionsPerChild));
    }

    /** Monthly cost with STANDARD children: every transition (parent, child starts, children's states) at the Standard price. */
    public static CostBreakdown monthlyWithStandardChildren(BigDecimal executionsPerMonth, BigDecimal parentTransitions,
                                                            long childrenPerExecution, BigDecimal transitionsPerChild,
                                                            BigDecimal freeTransitionsRemaining,
                                                            StandardWorkflowCost.Prices standard) {
        BigDecimal transitions = executionsPerMonth.multiply(
                standardTransitionsPerExecution(parentTransitions, childrenPerExecution, transitionsPerChild));
        return StandardWorkflowCost.monthly(transitions, freeTransitionsRemaining, standard);
    }

    /**
     * Monthly cost with EXPRESS children: the parent's transitions plus one per child started at the Standard price,
     * and the children as Express executions (a request each, plus duration × memory).
     *
     * @param childDurationSeconds average duration of one child (a batch's child runs longer than a single item's)
     * @param childMemoryMb        memory of one child, billed in 64 MB chunks
     */
    public static CostBreakdown monthlyWithExpressChildren(BigDecimal executionsPerMonth, BigDecimal parentTransitions,
                                                           long childrenPerExecution, BigDecimal childDurationSeconds,
                                                           BigDecimal childMemoryMb, BigDecimal freeTransitionsRemaining,
                                                           StandardWorkflowCost.Prices standard,
                                                           ExpressWorkflowCost.Prices express) {
        BigDecimal children = executionsPerMonth.multiply(BigDecimal.valueOf(childrenPerExecution));
        BigDecimal parent = executionsPerMonth.multiply(parentTransitions).add(children);
        return StandardWorkflowCost.monthly(parent, freeTransitionsRemaining, standard)
                .plus(ExpressWorkflowCost.monthly(children, childDurationSeconds, childMemoryMb, express));
    }
}
