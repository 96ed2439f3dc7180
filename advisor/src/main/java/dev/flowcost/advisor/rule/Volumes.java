package dev.flowcost.advisor.rule;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** Turns "the items of an option at a volume" into "its monthly cost at a number of executions" for cost curves. */
final class Volumes {

    private Volumes() {
    }

    /** Monthly cost of the items an option bills when the workflow runs {@code executions} times a month. */
    static Function<BigDecimal, BigDecimal> atExecutions(CostItems.Volume base,
                                                         Function<CostItems.Volume, List<CostItem>> option) {
        return executions -> CostItems.total(option.apply(
                new CostItems.Volume(base.executionsKey(), executions, base.itemsKey(), base.items())));
    }
}
