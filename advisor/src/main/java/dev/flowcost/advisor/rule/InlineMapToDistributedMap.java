package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.usage.UsageDefaults;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.flowcost.advisor.rule.BatchedChildren.ITEM_BYTES;
import static dev.flowcost.advisor.rule.BatchedChildren.MAX_BATCH_SECONDS;
import static dev.flowcost.advisor.rule.BatchedChildren.PAYLOAD_BUDGET_BYTES;

/**
 * Inline Map → Distributed Map with EXPRESS children and an ItemBatcher. An inline Map bills every state of every
 * iteration as a Standard transition; a Distributed Map bills one transition per child started, and EXPRESS
 * children bill a request and their duration instead. The batch size is the one that costs least while a batch
 * stays within {@value BatchedChildren#MAX_BATCH_SECONDS} s (Express's 5-minute limit with a safety margin) and its
 * payload within {@value BatchedChildren#PAYLOAD_BUDGET_BYTES} bytes (256 KiB with room for the batch wrapper), at
 * the defaults table's bytes an item ({@link dev.flowcost.core.usage.UsageDefaults#MAP_ITEM_BYTES}).
 *
 * <p>Fires on a STANDARD workflow's inline Map with at least {@value #MIN_ITEMS} items, or whose iterations make at
 * least half the execution's transitions and at least {@value #MIN_INNER_TRANSITIONS} of them; only when the
 * rewrite is cheaper. Comparison: the iterations' transitions now; child starts, Express requests and duration
 * after. Lambda and other work inside the iteration costs the same both ways and is left out of both.
 */
public final class InlineMapToDistributedMap implements StateMachineRule {

    public static final String RULE = "inline-map-to-distributed-map";
    static final RuleInfo INFO = new RuleInfo(RULE, "Inline Map → Distributed Map with EXPRESS children and an ItemBatcher",
            RuleInfo.Subject.STATE_MACHINE,
            "An inline Map in a Standard workflow bills every state of every iteration as a state "
                    + "transition. A Distributed Map bills one transition per child execution it starts, and EXPRESS "
                    + "children bill a request and their duration instead of transitions. The rule proposes a "
                    + "Distributed Map with EXPRESS children and the cheapest ItemBatcher whose batch stays within 4 "
                    + "minutes (Express's 5-minute limit with a margin) and 240 KiB of payload. It fires on a Standard "
                    + "workflow's inline Map with many items, or whose iterations make most of the execution's "
                    + "transitions, and only when the rewrite is cheaper. Work inside the iteration (Lambda and other "
                    + "services) costs the same both ways and is left out of both sides.",
            List.of(new Fact("Standard workflows bill each state transition, retries included; a Distributed Map bills one transition per child workflow execution it starts.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("Express workflows bill per request and per GB-second of duration, rounded up to 100 ms, memory in 64 MB steps.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("A Distributed Map's ItemBatcher groups items into batches, one child execution per batch.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html"),
                    new Fact("An Express execution runs at most 5 minutes; a state's payload is at most 256 KiB.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html")));
    public static final int MIN_ITEMS = 100;
    public static final int MIN_INNER_TRANSITIONS = 1_000;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.type() != WorkflowType.STANDARD) {
            return out;
        }
        for (InlineMaps.InlineMap m : InlineMaps.of(ctx)) {
            boolean large = m.items().compareTo(BigDecimal.valueOf(MIN_ITEMS)) >= 0;
            boolean dominant = m.innerTransitions() >= 0.5 * ctx.exact().transitionsPerExecution()
                    && m.innerTransitions() >= MIN_INNER_TRANSITIONS;
            if (!(large || dominant) || m.iterationSeconds() > MAX_BATCH_SECONDS) {
                continue;
            }
            finding(ctx, m).filter(Finding::isSaving).ifPresent(out::add);
        }
        return out;
    }

    /** The largest batch the Express time limit and the payload allow. */
    public static long maxBatch(double iterationSeconds, BigDecimal items) {
        return BatchedChildren.maxBatch(iterationSeconds, items, true);
    }

    private Optional<Finding> finding(StateMachineContext ctx, InlineMaps.InlineMap m) {
        Rates rates = Rates.of(ctx);
        CostItems.Volume volume = ctx.volumeWithItems(m.path());
        Function<CostItems.Volume, List<CostItem>> now = v -> List.of(BilledItems.transitions(
                "state transitions (" + m.path() + " iterations)", BigDecimal.ZERO,
                m.transitionsPerItem().multiply(BigDecimal.valueOf(m.entries())), v, rates.standard()));
        long batch = BatchedChildren.cheapest(BatchedChildren.withinTail(ctx, m.path(),
                maxBatch(m.iterationSeconds(), m.items())), b -> after(m, b, volume, rates));
        TailLimits.Check tail = BatchedChildren.batchCheck(ctx, m.path(), Math.min(batch,
                m.items().setScale(0, java.math.RoundingMode.CEILING).longValue()));
        if (tail.stops()) {
            return Optional.empty();
        }
        List<CostItem> itemsNow = now.apply(volume);
        List<CostItem> itemsAfter = after(m, batch, volume, rates);
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "inline Map",
                "Distributed Map (EXPRESS, batch " + batch + ")", ctx.executionsPerMonth(),
                Volumes.atExecutions(volume, now), Volumes.atExecutions(volume, v -> after(m, batch, v, rates)));
        String children = children(m, batch).stripTrailingZeros().toPlainString();
        List<String> assumptions = List.of(
                "items per Map run: " + m.items().stripTrailingZeros().toPlainString() + " (key " + ctx.itemsKey(m.path()) + ")",
                "one iteration takes " + fmt(m.iterationSeconds()) + " s including retries; a batch of " + batch
                        + " takes " + fmt(batch * m.iterationSeconds()) + " s (limit " + (int) MAX_BATCH_SECONDS
                        + " s, Express allows 300 s)",
                "each item is " + ITEM_BYTES + " bytes of JSON (assumed): a batch of " + batch + " is "
                        + batch * ITEM_BYTES + " bytes (limit " + PAYLOAD_BUDGET_BYTES + ", Step Functions allows 262,144)",
                tail.describe(),
                "EXPRESS children bill " + UsageDefaults.EXPRESS_CHILD_MEMORY_MB.intValue() + " MB (assumed: a small child definition and one batch of data)",
                children + " child executions per execution instead of " + m.items().stripTrailingZeros().toPlainString()
                        + " iterations",
                "work inside the iteration (Lambda and other services) costs the same both ways and is left out",
                "costs before the account's free tiers");
        List<String> blockers = new ArrayList<>(List.of(
                "a batched child receives {\"Items\": [...]} (and BatchInput): the iteration's states must loop over the"
                        + " batch, e.g. one Lambda that handles the list",
                "EXPRESS children run at most once and keep no execution history: make the iteration idempotent and"
                        + " use ToleratedFailure/redrive for partial failures",
                "the state machine's role needs states:StartExecution on itself (and DescribeExecution/StopExecution)"));
        tail.blocker().ifPresent(blockers::add);
        ChangeEdits edits = ChangeEdits.of(ctx);
        BatchedChildren.distribute(edits, m.path(), MapState.ExecutionType.EXPRESS, batch);
        Change change = edits.change("Make " + m.path() + " a Distributed Map with EXPRESS children and"
                + " MaxItemsPerBatch " + batch, List.of(m.path()));
        return Optional.of(Findings.priced(RULE, ctx.name(), List.of(m.path()),
                "Inline Map " + m.path() + " → Distributed Map (EXPRESS children, batches of " + batch + ")",
                itemsNow, itemsAfter, Finding.Confidence.MEDIUM, assumptions, blockers, change, Optional.of(curve)));
    }

    private static List<CostItem> after(InlineMaps.InlineMap m, long batch, CostItems.Volume v, Rates rates) {
        double batchSeconds = Math.min(batch, m.items().doubleValue()) * m.iterationSeconds();
        return BatchedChildren.expressChildren(m.path(), children(m, batch), batchSeconds, true,
                BigDecimal.valueOf(UsageDefaults.EXPRESS_CHILD_MEMORY_MB.intValue()), v, rates);
    }

    /** Children per execution: every Map entry starts ceil(items / batch). */
    static BigDecimal children(InlineMaps.InlineMap m, long batch) {
        return BatchedChildren.children(m.items(), m.entries(), batch);
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
