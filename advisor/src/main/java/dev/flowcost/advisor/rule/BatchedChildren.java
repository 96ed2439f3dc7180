package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.usage.UsageDefaults;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What the Map rules share when they propose a Distributed Map with an ItemBatcher: the largest batch the limits
 * allow, the cheapest batch size, the child executions a batch size gives, the bill of batched EXPRESS children and
 * the edit of the Map state. One place, so two rules never price the same rewrite two ways.
 */
final class BatchedChildren {

    /** A batch must finish within this many seconds: Express's 5-minute limit with a safety margin. */
    static final double MAX_BATCH_SECONDS = 240;
    /** A batch's payload budget: 256 KiB with room for the batch wrapper. */
    static final long PAYLOAD_BUDGET_BYTES = 240 * 1024;
    /** Assumed size of one item's JSON. */
    static final long ITEM_BYTES = (long) UsageDefaults.MAP_ITEM_BYTES.value();

    private BatchedChildren() {
    }

    /**
     * The largest batch the payload and the item count allow, and for EXPRESS children also the time limit
     * (batch × iteration seconds ≤ {@value #MAX_BATCH_SECONDS}).
     */
    static long maxBatch(double iterationSeconds, BigDecimal items, boolean expressChildren) {
        return maxBatch(iterationSeconds, items, expressChildren, PAYLOAD_BUDGET_BYTES);
    }

    /** As above, within the Map's own MaxInputBytesPerBatch when it sets one (smaller than the budget). */
    static long maxBatch(double iterationSeconds, BigDecimal items, boolean expressChildren, MapState map) {
        long bytes = map.itemBatcher().flatMap(b -> b.maxInputBytesPerBatch().isPresent()
                ? java.util.Optional.of(b.maxInputBytesPerBatch().getAsLong()) : java.util.Optional.empty())
                .filter(b -> b > 0 && b < PAYLOAD_BUDGET_BYTES).orElse(PAYLOAD_BUDGET_BYTES);
        return maxBatch(iterationSeconds, items, expressChildren, bytes);
    }

    private static long maxBatch(double iterationSeconds, BigDecimal items, boolean expressChildren,
                                 long payloadBytes) {
        long byTime = !expressChildren || iterationSeconds <= 0 ? Long.MAX_VALUE
                : (long) Math.floor(MAX_BATCH_SECONDS / iterationSeconds);
        long byPayload = Math.max(1, payloadBytes / ITEM_BYTES);
        long byItems = Math.max(1, items.setScale(0, RoundingMode.CEILING).longValue());
        return Math.max(1, Math.min(byTime, Math.min(byPayload, byItems)));
    }

    /**
     * The largest batch in 1..max whose share of simulated batches over Express's 300 s is at most
     * {@link TailLimits#BLOCKER_SHARE} (binary search: the share grows with the batch); 1 when even one item's
     * batch passes it (its check then blocks or stops the finding).
     */
    static long withinTail(StateMachineContext ctx, String mapPath, long max) {
        long lo = 1;
        long hi = max;
        while (lo < hi) {
            long mid = (lo + hi + 1) / 2;
            if (batchCheck(ctx, mapPath, mid).blocks()) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    /** The share of simulated batches of {@code batch} items of the Map over Express's 300 s. */
    static TailLimits.Check batchCheck(StateMachineContext ctx, String mapPath, long batch) {
        return ctx.limits().iterationsOver(mapPath, batch, WorkflowType.EXPRESS_MAX_DURATION_SECONDS, "batches of " + batch + " items",
                "Express's 5-minute limit");
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

    /**
     * Edits the Map at {@code path} of the user's definition into a Distributed Map with children of {@code type}
     * and MaxItemsPerBatch {@code batch}: ProcessorConfig gets Mode DISTRIBUTED and the ExecutionType (its other
     * fields kept), a legacy Iterator is renamed ItemProcessor (a Distributed Map needs it), ItemBatcher gets
     * MaxItemsPerBatch (BatchInput, MaxInputBytesPerBatch and the rest kept; a MaxItemsPerBatchPath it replaces is
     * removed). Every other field of the Map and of its inner states is left as written.
     */
    static void distribute(ChangeEdits edits, String path, MapState.ExecutionType type, long batch) {
        ObjectNode map = edits.state(path);
        JsonNode processor = map.has("ItemProcessor") ? map.get("ItemProcessor") : map.get("Iterator");
        ObjectNode config = processor != null && processor.get("ProcessorConfig") instanceof ObjectNode c
                ? c : JsonNodeFactory.instance.objectNode();
        config.put("Mode", "DISTRIBUTED");
        config.put("ExecutionType", type.name());
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        rebuilt.set("ProcessorConfig", config);
        if (processor instanceof ObjectNode p) {
            p.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("ProcessorConfig")) {
                    rebuilt.set(e.getKey(), e.getValue());
                }
            });
        }
        if (map.has("Iterator") && !map.has("ItemProcessor")) {
            map.remove("Iterator");
        }
        map.set("ItemProcessor", rebuilt);
        ObjectNode batcher = map.get("ItemBatcher") instanceof ObjectNode b ? b : map.putObject("ItemBatcher");
        batcher.remove("MaxItemsPerBatchPath");
        batcher.put("MaxItemsPerBatch", batch);
    }
}
