package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.simulate.ExpressChildGroup;
import dev.flowcost.core.simulate.StateCount;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Distributed Map whose children cost more than they need to: STANDARD children bill every state of every child
 * as a transition (plus the parent's transition to start each child), and EXPRESS children without an ItemBatcher
 * bill a request and at least 100 ms for every single item. The same Map with EXPRESS children and an ItemBatcher
 * bills one start, one request and the batch's duration per batch.
 *
 * <p>The batch size is chosen as in {@link InlineMapToDistributedMap} ({@link BatchedChildren}): the cheapest one
 * whose batch fits {@value BatchedChildren#MAX_BATCH_SECONDS} s and {@value BatchedChildren#PAYLOAD_BUDGET_BYTES}
 * bytes. EXPRESS children are proposed only when the iteration waits for no job, callback or activity
 * ({@code .sync}, {@code .waitForTaskToken}: Express cannot) and one item fits the time limit; STANDARD children may
 * instead be batched as STANDARD children (no time limit), whichever of the two is cheaper.
 *
 * <p>Fires on a Distributed Map the parent execution runs, with at least {@value #MIN_ITEMS} items a run (the size
 * gate of {@link InlineMapToDistributedMap}: batching a handful of items does save a few transitions a run, but not
 * enough to ask for an iteration that loops over a batch), no Distributed Map nested inside, and only when the
 * rewrite is cheaper. Work inside the iteration (Lambda and other services) costs the same both ways and is
 * left out of both sides.
 */
public final class DistributedMapChildren implements StateMachineRule {

    public static final String RULE = "distributed-map-children";
    static final RuleInfo INFO = new RuleInfo(RULE, "Distributed Map with STANDARD or unbatched children → batched EXPRESS children",
            RuleInfo.Subject.STATE_MACHINE,
            "A Distributed Map whose children are STANDARD bills every state of every child as a transition, "
                    + "plus the parent's transition to start each child; EXPRESS children without an ItemBatcher bill "
                    + "a request and at least 100 ms for every single item. The same Map with EXPRESS children and an "
                    + "ItemBatcher bills one start, one request and the batch's duration per batch, the batch size "
                    + "chosen as for an inline Map. EXPRESS children are proposed only when the iteration waits for no "
                    + "job, callback or activity and one item fits Express's time limit; STANDARD children may instead "
                    + "be batched as STANDARD, whichever is cheaper. It fires on a Distributed Map with enough items a "
                    + "run to be worth a batching iteration, and only when the rewrite is cheaper.",
            List.of(new Fact("A Distributed Map bills one state transition per child execution it starts; STANDARD children bill their own transitions, EXPRESS children their requests and duration.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("Express workflows support only the Request Response integration pattern, not .sync or .waitForTaskToken.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html"),
                    new Fact("A Distributed Map's ItemBatcher sets MaxItemsPerBatch and MaxInputBytesPerBatch (at most 256 KiB).",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html")));
    /** Mean items per Map run below which the rule stays silent. */
    public static final int MIN_ITEMS = 100;

    /**
     * What one Distributed Map does today, per parent execution.
     *
     * @param path              the Map's path
     * @param map               the state
     * @param items             mean items per Map run
     * @param runs              Map runs (attempts) per execution
     * @param childrenNow       child executions started per execution
     * @param childTransitions  transitions inside STANDARD children per execution (0 for EXPRESS children)
     * @param childSeconds      mean seconds of one child execution
     * @param iterationSeconds  mean seconds of one item's iteration
     * @param waits             whether the iteration has a Task that waits for a job, callback or activity
     */
    record Target(String path, MapState map, BigDecimal items, double runs, BigDecimal childrenNow,
                  BigDecimal childTransitions, double childSeconds, double iterationSeconds, boolean waits) {

        boolean standardChildren() {
            return map.executionType() == MapState.ExecutionType.STANDARD;
        }

        /** Transitions of one STANDARD child: its states run once per child, batched or not. */
        BigDecimal transitionsPerChild() {
            return childrenNow.signum() == 0 ? BigDecimal.ZERO
                    : childTransitions.divide(childrenNow, MathContext.DECIMAL64);
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Target t : targets(ctx)) {
            if (t.items().compareTo(BigDecimal.valueOf(MIN_ITEMS)) < 0) {
                continue;
            }
            finding(ctx, t).filter(Finding::isSaving).ifPresent(out::add);
        }
        return out;
    }

    /** The Distributed Maps whose children could be cheaper: STANDARD children, or EXPRESS children without a batcher. */
    static List<Target> targets(StateMachineContext ctx) {
        List<Target> out = new ArrayList<>();
        Map<String, State> states = ctx.statesByPath();
        for (Map.Entry<String, State> e : states.entrySet()) {
            if (!(e.getValue() instanceof MapState m) || !m.isDistributed()) {
                continue;
            }
            if (m.executionType() == MapState.ExecutionType.EXPRESS && m.itemBatcher().isPresent()) {
                continue;
            }
            String path = e.getKey();
            StateCount c = ctx.count(path);
            BigDecimal items = ctx.items(path);
            double children = c.transitions() - c.attempts();
            if (c.billing() != StateCount.Billing.PARENT || c.attempts() <= 0 || items.signum() <= 0
                    || children <= 0) {
                continue;
            }
            String prefix = path + "/";
            boolean nested = false;
            boolean waits = false;
            double taskSeconds = 0;
            double childTransitions = 0;
            for (Map.Entry<String, State> inside : states.entrySet()) {
                if (!inside.getKey().startsWith(prefix)) {
                    continue;
                }
                State s = inside.getValue();
                nested |= s instanceof MapState im && im.isDistributed();
                waits |= s instanceof TaskState ts && ts.resource().waitsForCompletion();
                StateCount ic = ctx.count(inside.getKey());
                taskSeconds += ic.attempts() * ctx.durationSeconds(inside.getKey());
                if (ic.billing() == StateCount.Billing.STANDARD_CHILD) {
                    childTransitions += ic.transitions();
                }
            }
            if (nested) {
                continue;
            }
            double childSeconds = taskSeconds / children;
            if (m.executionType() == MapState.ExecutionType.EXPRESS) {
                childTransitions = 0;
                childSeconds = ctx.exact().expressChildren().stream().filter(g -> g.path().equals(path))
                        .mapToDouble(ExpressChildGroup::durationSecondsPerChild).findFirst().orElse(childSeconds);
            }
            double itemsPerChild = c.attempts() * items.doubleValue() / children;
            out.add(new Target(path, m, items, c.attempts(), StateMachineCosting.bd(children),
                    StateMachineCosting.bd(childTransitions), childSeconds, childSeconds / itemsPerChild, waits));
        }
        return out;
    }

    private Optional<Finding> finding(StateMachineContext ctx, Target t) {
        Rates rates = Rates.of(ctx);
        CostItems.Volume volume = ctx.volumeWithItems(t.path());
        boolean parentBillsStarts = ctx.type() == WorkflowType.STANDARD;
        BigDecimal memory = BigDecimal.valueOf(ctx.usage().expressChildMemoryMb().intValue());
        Function<CostItems.Volume, List<CostItem>> now = v -> now(t, parentBillsStarts, memory, v, rates);

        boolean expressPossible = !t.waits() && t.iterationSeconds() <= BatchedChildren.MAX_BATCH_SECONDS;
        MapState.ExecutionType type = null;
        long batch = 0;
        BigDecimal best = null;
        if (t.standardChildren()) {
            long b = BatchedChildren.cheapest(BatchedChildren.maxBatch(t.iterationSeconds(), t.items(), false, t.map()),
                    x -> standardAfter(t, x, parentBillsStarts, volume, rates));
            type = MapState.ExecutionType.STANDARD;
            batch = b;
            best = CostItems.total(standardAfter(t, b, parentBillsStarts, volume, rates));
        }
        TailLimits.Check tail = null;
        if (expressPossible) {
            long b = BatchedChildren.cheapest(BatchedChildren.withinTail(ctx, t.path(),
                    BatchedChildren.maxBatch(t.iterationSeconds(), t.items(), true, t.map())),
                    x -> expressAfter(t, x, parentBillsStarts, memory, volume, rates));
            BigDecimal cost = CostItems.total(expressAfter(t, b, parentBillsStarts, memory, volume, rates));
            TailLimits.Check check = BatchedChildren.batchCheck(ctx, t.path(), b);
            if (!check.stops() && (best == null || cost.compareTo(best) < 0)) {
                tail = check;
                type = MapState.ExecutionType.EXPRESS;
                batch = b;
            }
        }
        if (type == null) {
            return Optional.empty();
        }
        MapState.ExecutionType chosen = type;
        long size = batch;
        Function<CostItems.Volume, List<CostItem>> after = chosen == MapState.ExecutionType.EXPRESS
                ? v -> expressAfter(t, size, parentBillsStarts, memory, v, rates)
                : v -> standardAfter(t, size, parentBillsStarts, v, rates);

        String from = t.map().executionType().name() + " children" + (t.map().itemBatcher().isPresent()
                ? " (batched)" : ", one per item");
        String to = chosen.name() + " children in batches of " + size;
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "Distributed Map, " + from, "Distributed Map, " + to,
                ctx.executionsPerMonth(), Volumes.atExecutions(volume, now), Volumes.atExecutions(volume, after));
        ChangeEdits edits = ChangeEdits.of(ctx);
        BatchedChildren.distribute(edits, t.path(), chosen, size);
        Change change = edits.change("Give " + t.path() + " " + chosen.name()
                + " children and an ItemBatcher with MaxItemsPerBatch " + size, List.of(t.path()));
        List<String> assumptions = assumptions(ctx, t, chosen, size, memory);
        List<String> blockers = blockers(t, chosen);
        if (chosen == MapState.ExecutionType.EXPRESS && tail != null) {
            assumptions.add(1, tail.describe());
            tail.blocker().ifPresent(blockers::add);
        }
        return Optional.of(Findings.priced(RULE, ctx.name(), List.of(t.path()),
                "Distributed Map " + t.path() + ": " + from + " → " + to, now.apply(volume), after.apply(volume),
                Finding.Confidence.MEDIUM, assumptions, blockers, change, Optional.of(curve)));
    }

    private static List<CostItem> now(Target t, boolean parentBillsStarts, BigDecimal memory, CostItems.Volume v,
                                      Rates rates) {
        if (!t.standardChildren()) {
            return BatchedChildren.expressChildren(t.path(), t.childrenNow(), t.childSeconds(), parentBillsStarts,
                    memory, v, rates);
        }
        return standardChildren(t, t.childrenNow(), parentBillsStarts, v, rates);
    }

    private static List<CostItem> expressAfter(Target t, long batch, boolean parentBillsStarts, BigDecimal memory,
                                               CostItems.Volume v, Rates rates) {
        double batchSeconds = Math.min(batch, t.items().doubleValue()) * t.iterationSeconds();
        return BatchedChildren.expressChildren(t.path(), BatchedChildren.children(t.items(), t.runs(), batch),
                batchSeconds, parentBillsStarts, memory, v, rates);
    }

    private static List<CostItem> standardAfter(Target t, long batch, boolean parentBillsStarts, CostItems.Volume v,
                                                Rates rates) {
        return standardChildren(t, BatchedChildren.children(t.items(), t.runs(), batch), parentBillsStarts, v, rates);
    }

    /** STANDARD children: a parent transition to start each (when the parent bills transitions) and their own. */
    private static List<CostItem> standardChildren(Target t, BigDecimal children, boolean parentBillsStarts,
                                                   CostItems.Volume v, Rates rates) {
        List<CostItem> items = new ArrayList<>();
        if (parentBillsStarts) {
            items.add(BilledItems.transitions("state transitions (" + t.path() + " child starts)", children,
                    BigDecimal.ZERO, v, rates.standard()));
        }
        items.add(BilledItems.transitions("state transitions (STANDARD children of " + t.path() + ")",
                children.multiply(t.transitionsPerChild()), BigDecimal.ZERO, v, rates.standard()));
        return items;
    }

    private static List<String> assumptions(StateMachineContext ctx, Target t, MapState.ExecutionType chosen,
                                            long batch, BigDecimal memory) {
        String items = t.items().stripTrailingZeros().toPlainString();
        List<String> out = new ArrayList<>();
        out.add("items per Map run: " + items + " (key " + ctx.itemsKey(t.path()) + ")");
        out.add("one item's iteration takes " + InlineMapToDistributedMap.fmt(t.iterationSeconds())
                + " s including retries; a batch of " + batch + " takes "
                + InlineMapToDistributedMap.fmt(batch * t.iterationSeconds()) + " s"
                + (chosen == MapState.ExecutionType.EXPRESS ? " (limit " + (int) BatchedChildren.MAX_BATCH_SECONDS
                + " s, Express allows " + WorkflowType.EXPRESS_MAX_DURATION_SECONDS + " s)" : " (STANDARD children may run up to a year)"));
        out.add("each item is " + BatchedChildren.ITEM_BYTES + " bytes of JSON (assumed): a batch of " + batch
                + " is " + batch * BatchedChildren.ITEM_BYTES + " bytes (limit " + BatchedChildren.PAYLOAD_BUDGET_BYTES
                + ", Step Functions allows 262,144" + t.map().itemBatcher().flatMap(b -> b.maxInputBytesPerBatch()
                .isPresent() ? Optional.of("; the Map's MaxInputBytesPerBatch " + b.maxInputBytesPerBatch().getAsLong())
                : Optional.<String>empty()).orElse("") + ")");
        out.add("a batched child receives its items as {\"Items\": [...]} and runs its states once per batch");
        if (chosen == MapState.ExecutionType.EXPRESS || !t.standardChildren()) {
            out.add("EXPRESS children bill " + memory.toPlainString() + " MB"
                    + (ctx.workload().billedMemoryMb().isPresent() ? " (the workload's billedMemoryMb)"
                    : " (assumed: a small child definition and one batch of data)"));
        }
        if (t.waits()) {
            out.add("the iteration waits for a job, callback or activity (.sync, .waitForTaskToken): EXPRESS children"
                    + " cannot, so only batches of STANDARD children are proposed");
        }
        out.add(BatchedChildren.children(t.items(), t.runs(), batch).stripTrailingZeros().toPlainString()
                + " child executions per execution instead of " + t.childrenNow().stripTrailingZeros().toPlainString());
        if (ctx.type() != WorkflowType.STANDARD) {
            out.add("the EXPRESS parent bills no transitions for starting children; its own duration is left out");
        }
        out.add("work inside the iteration (Lambda and other services) costs the same both ways and is left out");
        out.add("costs before the account's free tiers");
        return out;
    }

    private static List<String> blockers(Target t, MapState.ExecutionType chosen) {
        List<String> out = new ArrayList<>();
        out.add("a batched child receives {\"Items\": [...]} (and BatchInput): the iteration's states must loop over"
                + " the batch, e.g. one Lambda that handles the list");
        out.add("a failed child fails its whole batch: ToleratedFailure and redrive count batches' items together");
        if (chosen == MapState.ExecutionType.EXPRESS && t.standardChildren()) {
            out.add("EXPRESS children are not exactly-once like STANDARD ones (at-most-once when run synchronously,"
                    + " at-least-once asynchronously) and keep no execution history: make the iteration idempotent");
        }
        return out;
    }
}
