package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostCurve;
import dev.flowcost.advisor.analysis.CostCurves;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.core.workload.WorkflowType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standard → Express: a short workflow pays per transition as Standard but per request and GB-second as Express.
 * Fires on STANDARD workflows with no {@code .sync}/{@code .waitForTaskToken}/activity Task, no Distributed Map, and
 * at most 1 % of simulated executions over Express's 5 minutes (over 0.1 % is a blocker; see {@link TailLimits}),
 * when Express is cheaper; the curve gives the break-even executions.
 */
public final class StandardToExpress implements StateMachineRule {

    public static final String RULE = "standard-to-express";
    static final RuleInfo INFO = new RuleInfo(RULE, "Short Standard workflow → Express",
            RuleInfo.Subject.STATE_MACHINE,
            "A short workflow pays per transition as Standard but per request and GB-second as Express. The "
                    + "rule fires on Standard workflows with no .sync, .waitForTaskToken or activity Task and no "
                    + "Distributed Map, when at most 1 % of simulated executions run past Express's 5 minutes (over "
                    + "0.1 % is named as a blocker), and when Express is cheaper. The cost curve gives the break-even "
                    + "executions a month.",
            List.of(new Fact("Standard bills $0.025 per 1,000 state transitions; Express bills $1.00 per million requests plus duration per GB-hour.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("Express workflows run at most 5 minutes and support only Request Response integrations.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html")));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        if (ctx.type() != WorkflowType.STANDARD || !WorkflowTypeOptions.structuralBlockers(ctx).isEmpty()) {
            return List.of();
        }
        List<String> defaults = new ArrayList<>();
        BigDecimal memory = StateMachineCosting.expressMemoryMb(ctx, defaults);
        CostItems.Volume v = ctx.volume();
        List<CostItem> now = WorkflowTypeOptions.standard(ctx, v);
        List<CostItem> after = WorkflowTypeOptions.express(ctx, memory, v);
        // no saving, no finding: the durations' tail (a simulation) is asked only when Express would be cheaper
        if (CostItems.total(now).subtract(CostItems.total(after)).signum() <= 0
                || !WorkflowTypeOptions.expressBlockers(ctx).isEmpty()) {
            return List.of();
        }
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "Standard", "Express", ctx.executionsPerMonth(),
                Volumes.atExecutions(v, x -> WorkflowTypeOptions.standard(ctx, x)),
                Volumes.atExecutions(v, x -> WorkflowTypeOptions.express(ctx, memory, x)));
        List<String> assumptions = new ArrayList<>(defaults);
        assumptions.add("mean execution " + InlineMapToDistributedMap.fmt(ctx.exact().expectedDurationSeconds())
                + " s, billed in 100 ms steps at " + memory.stripTrailingZeros().toPlainString() + " MB");
        TailLimits.Check limit = WorkflowTypeOptions.expressLimit(ctx);
        assumptions.add(limit.describe());
        assumptions.add("the Tasks' own work (Lambda, services) costs the same both ways and is left out");
        assumptions.add("costs before the account's free tiers");
        Finding f = Findings.priced(RULE, ctx.name(), List.copyOf(ctx.machine().states().keySet()),
                "Run " + ctx.name() + " as an Express workflow", now, after, Finding.Confidence.MEDIUM, assumptions,
                blockers(limit),
                new Change(Change.Kind.TEXT, "Create the state machine with type EXPRESS",
                        "Set Type: EXPRESS (SAM/CloudFormation: Type: EXPRESS) and keep the definition unchanged."),
                Optional.of(curve));
        return f.isSaving() ? List.of(f) : List.of();
    }

    private static List<String> blockers(TailLimits.Check limit) {
        List<String> out = new ArrayList<>(List.of(
                "Express runs at-least-once when started asynchronously (at-most-once synchronously): make"
                        + " the steps idempotent",
                "no execution history in the console: turn on CloudWatch Logs to see runs (billed apart)",
                "the type is set when the state machine is created: deploy a new Express state machine"));
        limit.blocker().ifPresent(b -> out.add(0, b));
        return out;
    }
}
