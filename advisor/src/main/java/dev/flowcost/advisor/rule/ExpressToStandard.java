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
 * Express → Standard: an Express workflow that runs long (or uses much memory) pays more in GB-seconds than its few
 * transitions would cost as Standard. Fires on EXPRESS workflows when Standard is cheaper.
 */
public final class ExpressToStandard implements StateMachineRule {

    public static final String RULE = "express-to-standard";
    static final RuleInfo INFO = new RuleInfo(RULE, "Long or memory-heavy Express workflow → Standard",
            RuleInfo.Subject.STATE_MACHINE,
            "An Express workflow that runs long or uses much memory pays more in GB-seconds than its few "
                    + "transitions would cost as Standard. The rule fires on Express workflows when Standard is "
                    + "cheaper at the current volume; the cost curve gives the break-even executions a month.",
            List.of(new Fact("Express bills duration per GB-hour of billed memory × billed duration; Standard bills per state transition whatever the duration.",
                            "https://aws.amazon.com/step-functions/pricing/"),
                    new Fact("Standard and Express differ in duration limit, pricing model and integration patterns.",
                            "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html")));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> apply(StateMachineContext ctx) {
        if (ctx.type() != WorkflowType.EXPRESS) {
            return List.of();
        }
        List<String> defaults = new ArrayList<>();
        BigDecimal memory = StateMachineCosting.expressMemoryMb(ctx, defaults);
        CostItems.Volume v = ctx.volume();
        List<CostItem> now = WorkflowTypeOptions.express(ctx, memory, v);
        List<CostItem> after = WorkflowTypeOptions.standard(ctx, v);
        CostCurve curve = CostCurves.aroundCurrent("executions per month", "Express", "Standard", ctx.executionsPerMonth(),
                Volumes.atExecutions(v, x -> WorkflowTypeOptions.express(ctx, memory, x)),
                Volumes.atExecutions(v, x -> WorkflowTypeOptions.standard(ctx, x)));
        List<String> assumptions = new ArrayList<>(defaults);
        assumptions.add("mean execution " + InlineMapToDistributedMap.fmt(ctx.exact().expectedDurationSeconds())
                + " s at " + memory.stripTrailingZeros().toPlainString() + " MB; "
                + InlineMapToDistributedMap.fmt(ctx.exact().transitionsPerExecution()) + " transitions as Standard");
        assumptions.add("costs before the account's free tiers");
        Finding f = Findings.priced(RULE, ctx.name(), List.copyOf(ctx.machine().states().keySet()),
                "Run " + ctx.name() + " as a Standard workflow", now, after, Finding.Confidence.MEDIUM, assumptions,
                List.of("Standard executions start at most 2,000 a second (burst) and are slower to start than Express",
                        "Standard runs exactly once: callers that relied on synchronous Express start must poll or wait"),
                new Change(Change.Kind.TEXT, "Create the state machine with type STANDARD",
                        "Set Type: STANDARD and keep the definition unchanged."),
                Optional.of(curve));
        return f.isSaving() ? List.of(f) : List.of();
    }
}
