package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.core.asl.MapState;
import dev.flowcost.core.asl.State;
import dev.flowcost.core.asl.TaskState;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The same workflow priced as Standard (its transitions) and as Express (a request and its duration), and the facts
 * that rule Express out: the shared ground of {@link StandardToExpress} and {@link ExpressToStandard}. Work the
 * workflow's Tasks do (Lambda, other services) costs the same either way and is left out of both.
 */
final class WorkflowTypeOptions {

    private WorkflowTypeOptions() {
    }

    static List<CostItem> standard(StateMachineContext ctx, CostItems.Volume v) {
        Rates rates = Rates.of(ctx);
        BigDecimal transitions = StateMachineCosting.bd(ctx.exact().transitionsPerExecution()
                + ctx.exact().standardChildTransitions());
        return List.of(BilledItems.transitions("state transitions (as Standard)", transitions, BigDecimal.ZERO, v,
                rates.standard()));
    }

    static List<CostItem> express(StateMachineContext ctx, BigDecimal memoryMb, CostItems.Volume v) {
        return BilledItems.express("Express (as Express)", BigDecimal.ONE, ctx.exact().expectedDurationSeconds(), memoryMb,
                v, Rates.of(ctx).express());
    }

    /** The share of simulated executions over Express's 5-minute limit. */
    static TailLimits.Check expressLimit(StateMachineContext ctx) {
        return ctx.limits().executionsOver(WorkflowType.EXPRESS_MAX_DURATION_SECONDS, "Express's 5-minute limit");
    }

    /** Why the workflow cannot run as Express (empty when it can). */
    static List<String> expressBlockers(StateMachineContext ctx) {
        List<String> out = structuralBlockers(ctx);
        TailLimits.Check limit = expressLimit(ctx);
        if (limit.stops()) {
            out.add(limit.describe() + ": over " + TailLimits.Check.percent(TailLimits.STOP_SHARE)
                    + " would fail as Express");
        }
        return out;
    }

    /**
     * What in the definition itself rules Express out ({@code .sync} and callback Tasks, Distributed Maps): the
     * blockers known without simulating the executions' durations.
     */
    static List<String> structuralBlockers(StateMachineContext ctx) {
        List<String> out = new ArrayList<>();
        for (var e : ctx.statesByPath().entrySet()) {
            State s = e.getValue();
            if (s instanceof TaskState t && t.resource().waitsForCompletion()) {
                out.add("Task " + e.getKey() + " waits for completion (" + t.resource().arn()
                        + "): Express supports neither .sync, .waitForTaskToken nor activities");
            }
            if (s instanceof MapState m && m.isDistributed()) {
                out.add("Map " + e.getKey() + " is a Distributed Map, which Express workflows cannot run");
            }
        }
        return out;
    }
}
