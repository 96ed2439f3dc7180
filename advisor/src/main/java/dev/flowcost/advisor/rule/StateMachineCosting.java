package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.cost.ExpressMemoryEstimate;
import dev.flowcost.advisor.cost.StandardWorkflowCost;
import dev.flowcost.core.usage.UsageDefaults;
import dev.flowcost.core.usage.Resolved;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.ParallelState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.simulate.ExpressChildGroup;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one state machine bills a month as it runs today, item by item: parent transitions (the iterations of each
 * top-level inline Map per item, when the item count gives an exact share), STANDARD child transitions, EXPRESS
 * children, the workflow's own Express requests and duration, and the Lambda functions its Tasks invoke.
 *
 * <p>Simplification: each tiered quantity (an Express duration, a Lambda function's GB-seconds) is tiered on its
 * own, not on the account's monthly sum, so a second large item starts again in tier 1. This overstates rather than
 * understates the bill, and only past 1,000 Express GB-hours or 6 billion Lambda GB-seconds a month.
 */
public final class StateMachineCosting {

    /** Execution data assumed per Map or Parallel step for the Express memory estimate (PRICING.md's example). */
    public static final long EXECUTION_DATA_BYTES = (long) UsageDefaults.EXPRESS_EXECUTION_DATA_BYTES.value();

    /** The items and every default they rest on. */
    public record Costed(List<CostItem> items, List<String> defaultsUsed) {
        public Costed {
            items = List.copyOf(items);
            defaultsUsed = List.copyOf(defaultsUsed);
        }
    }

    private StateMachineCosting() {
    }

    /** The workflow's monthly items. */
    public static Costed cost(StateMachineContext ctx) {
        Rates rates = Rates.of(ctx);
        List<CostItem> items = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        if (ctx.type() == WorkflowType.STANDARD) {
            standardTransitions(ctx, rates.standard(), items);
            if (ctx.exact().standardChildTransitions() > 0) {
                items.add(BilledItems.transitions("state transitions (STANDARD children)",
                        bd(ctx.exact().standardChildTransitions()), BigDecimal.ZERO, ctx.volume(), rates.standard()));
            }
            Resolved childMemoryMb = ctx.usage().expressChildMemoryMb();
            BigDecimal childMemory = BigDecimal.valueOf(childMemoryMb.intValue());
            if (!ctx.exact().expressChildren().isEmpty() && childMemoryMb.isDefault()) {
                defaults.add("EXPRESS children of Distributed Maps: " + childMemoryMb.intValue()
                        + " MB billed memory (default)");
            }
            for (ExpressChildGroup g : ctx.exact().expressChildren()) {
                items.addAll(BilledItems.express("EXPRESS children of " + g.path(), bd(g.executions()),
                        g.durationSecondsPerChild(), childMemory, ctx.volume(), rates.express()));
            }
        } else {
            BigDecimal memory = expressMemoryMb(ctx, defaults);
            items.addAll(BilledItems.express("Express", BigDecimal.ONE, ctx.exact().expectedDurationSeconds(), memory,
                    ctx.volume(), rates.express()));
        }
        lambdaItems(ctx, rates, items, defaults);
        return new Costed(items, defaults);
    }

    /** Express billed memory: the workload's, else the pricing page's estimate (execution data 32 KB assumed). */
    public static BigDecimal expressMemoryMb(StateMachineContext ctx, List<String> defaults) {
        if (ctx.workload().billedMemoryMb().isPresent()) {
            return BigDecimal.valueOf(ctx.workload().billedMemoryMb().getAsInt());
        }
        long steps = Math.round(ctx.statesByPath().entrySet().stream()
                .filter(e -> e.getValue() instanceof MapState || e.getValue() instanceof ParallelState)
                .mapToDouble(e -> ctx.count(e.getKey()).entries()).sum());
        int mb = ExpressMemoryEstimate.billedMb(ctx.definitionBytes(), EXECUTION_DATA_BYTES, steps);
        defaults.add("Express memory " + mb + " MB estimated: 50 MB + definition " + ctx.definitionBytes()
                + " bytes + 32 KB execution data (assumed) × " + steps + " Map/Parallel steps");
        return BigDecimal.valueOf(mb);
    }

    private static void standardTransitions(StateMachineContext ctx, StandardWorkflowCost.Prices prices,
                                            List<CostItem> items) {
        BigDecimal rest = bd(ctx.exact().transitionsPerExecution());
        for (State s : ctx.machine().states().values()) {
            if (!(s instanceof MapState m) || m.isDistributed() || !ctx.itemsGiven(m.name())) {
                continue;
            }
            BigDecimal inner = bd(ctx.innerParentTransitions(m.name()));
            BigDecimal n = ctx.items(m.name());
            if (inner.signum() <= 0 || n.signum() <= 0) {
                continue;
            }
            BigDecimal perItem = inner.divide(n, MathContext.DECIMAL64);
            if (perItem.multiply(n).compareTo(inner) != 0) {
                continue;
            }
            items.add(BilledItems.transitions("state transitions (" + m.name() + " iterations)", BigDecimal.ZERO,
                    perItem, ctx.volumeWithItems(m.name()), prices));
            rest = rest.subtract(inner);
        }
        items.add(0, BilledItems.transitions("state transitions", rest.max(BigDecimal.ZERO), BigDecimal.ZERO,
                ctx.volume(), prices));
    }

    private static void lambdaItems(StateMachineContext ctx, Rates rates, List<CostItem> items, List<String> defaults) {
        for (Map.Entry<String, State> e : ctx.statesByPath().entrySet()) {
            if (!(e.getValue() instanceof TaskState t) || !t.resource().invokesLambda()) {
                continue;
            }
            String path = e.getKey();
            double attempts = ctx.count(path).attempts();
            if (attempts <= 0) {
                continue;
            }
            Resolved memory = ctx.usage().lambdaMemoryMb(path);
            if (memory.isDefault()) {
                defaults.add("Task " + path + ": Lambda memory " + memory.intValue() + " MB (default)");
            }
            items.addAll(BilledItems.lambda(path, bd(attempts), BigDecimal.ZERO, ctx.durationSeconds(path),
                    ctx.memoryMb(path), ctx.volume(), rates.lambda(ctx.architecture(path))));
        }
    }

    static BigDecimal bd(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(Math.max(0, v)) : BigDecimal.ZERO;
    }
}
