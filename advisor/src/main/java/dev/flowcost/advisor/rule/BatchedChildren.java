package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.core.asl.ItemBatcher;
import dev.flowcost.core.asl.MapState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What the Map rules share when they propose a Distributed Map with an ItemBatcher: the largest batch the limits
 * allow, the cheapest batch size, the child executions a batch size gives, the bill of batched EXPRESS children and
 * the rewritten Map state. One place, so two rules never price the same rewrite two ways.
 */
final class BatchedChildren {

    /** A batch must finish within this many seconds: Express's 5-minute limit with a safety margin. */
    static final double MAX_BATCH_SECONDS = 240;
    /** A batch's payload budget: 256 KiB with room for the batch wrapper. */
    static final long PAYLOAD_BUDGET_BYTES = 240 * 1024;
    /** Assumed size of one item's JSON. */
    static final long ITEM_BYTES = 1024;
    /** Assumed billed memory of an EXPRESS child (a small child definition and one batch of data). */
    static final int CHILD_MEMORY_MB = 64;

    private BatchedChildren() {
    }

    /**
     * The largest batch the payload and the item count allow, and for EXPRESS children also the time limit
     * (batch × iteration seconds ≤ {@value #MAX_BATCH_SECONDS}).
     */
    static long maxBatch(double iterationSeconds, BigDecimal items, boolean expressChildren) {
        long byTime = !expressChildren || iterationSeconds <= 0 ? Long.MAX_VALUE
                : (long) Math.floor(MAX_BATCH_SECONDS / iterationSeconds);
        long byPayload = PAYLOAD_BUDGET_BYTES / ITEM_BYTES;
        long byItems = Math.max(1, items.setScale(0, RoundingMode.CEILING).longValue());
        return Math.max(1, Math.min(byTime, Math.min(byPayload, byItems)));
    }

    /** The batch size in 1..max whose items cost least (the largest one on a tie: fewer children to watch). */
    static long cheapest(long max, LongFunction<List<CostItem>> after) {
        long best = 1;
        BigDecimal bestCost = null;
        for (long b = 1; b <= max; b++) {
            BigDecimal cost = CostItems.total(after.apply(b));
            if (bestCost == null || cost.compareTo(bestCost) <= 0) {
                best = b;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Children per execution: every one of {@code runs} Map runs starts ceil(items / batch). */
    static BigDecimal children(BigDecimal items, double runs, long batch) {
        BigDecimal perRun = items.divide(BigDecimal.valueOf(batch), 0, RoundingMode.CEILING);
        return BigDecimal.valueOf(runs).multiply(perRun);
    }

    /**
     * The bill of EXPRESS children: one parent transition per child started (when the parent is billed by
     * transitions), then a request and the batch's duration for each child.
     */
    static List<CostItem> expressChildren(String mapPath, BigDecimal children, double childSeconds,
                                          boolean parentBillsStarts, BigDecimal memoryMb, CostItems.Volume v,
                                          Rates rates) {
        List<CostItem> items = new ArrayList<>();
        if (parentBillsStarts) {
            items.add(BilledItems.transitions("state transitions (" + mapPath + " child starts)", children,
                    BigDecimal.ZERO, v, rates.standard()));
        }
        items.addAll(BilledItems.express("EXPRESS children of " + mapPath, children, childSeconds, memoryMb, v,
                rates.express()));
        return items;
    }

    /** The Map as a Distributed Map with children of {@code type} and MaxItemsPerBatch {@code batch}, inner states unchanged. */
    static MapState rewrite(MapState s, MapState.ExecutionType type, long batch) {
        return new MapState(s.name(), s.location(), s.comment(), s.queryLanguage(), s.flow(), s.processor(),
                MapState.Mode.DISTRIBUTED, type, s.itemReader(),
                Optional.of(new ItemBatcher(OptionalInt.of((int) batch), OptionalLong.empty(), false)), s.itemsPath(),
                s.items(), s.maxConcurrency(), s.toleratedFailurePercentage(), s.toleratedFailureCount(),
                s.resultWriter(), s.label(), s.retry(), s.catchers());
    }
}
