package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.Finding;

import java.util.ArrayList;
import java.util.List;

/** Every state machine rule, in the order their findings are listed before sorting by saving. */
public final class Rules {

    private Rules() {
    }

    public static List<StateMachineRule> all() {
        return List.of(new InlineMapToDistributedMap(), new DistributedMapChildren(), new InlineMapQuotaRisks(),
                new LoopInsideLambda(), new StandardToExpress(), new ExpressToStandard(), new PollingLoopToSync());
    }

    /** The findings of every rule for one workflow. */
    public static List<Finding> apply(StateMachineContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StateMachineRule r : all()) {
            out.addAll(r.apply(ctx));
        }
        return out;
    }
}
