package dev.flowcost.advisor.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One MWAA environment: its cost now, its cost once the chosen plan's DAGs leave, what to do with it, every plan
 * weighed for it and when the answer would change.
 *
 * @param verdict    what to do, in words ("keep", "downsize to mw1.small", "decommission", "too small: raise ...")
 * @param plans      every plan weighed, the chosen one marked (empty when none was, e.g. a DAG could not be assessed)
 * @param conditions when the answer changes, when plans were weighed
 */
public record EnvironmentAnalysis(String name, String environmentClass, List<String> dags, List<CostItem> costItems,
                                  BigDecimal monthlyCost, BigDecimal monthlyCostAfter, String verdict, List<String> notes,
                                  List<PlanOption> plans, Optional<EnvironmentConditions> conditions) {
    public EnvironmentAnalysis {
        dags = List.copyOf(dags);
        costItems = List.copyOf(costItems);
        notes = List.copyOf(notes);
        plans = List.copyOf(plans);
        conditions = conditions == null ? Optional.empty() : conditions;
    }

    /** An environment without plans. */
    public EnvironmentAnalysis(String name, String environmentClass, List<String> dags, List<CostItem> costItems,
                               BigDecimal monthlyCost, BigDecimal monthlyCostAfter, String verdict, List<String> notes) {
        this(name, environmentClass, dags, costItems, monthlyCost, monthlyCostAfter, verdict, notes, List.of(),
                Optional.empty());
    }

    /** The chosen plan, when plans were weighed. */
    public Optional<PlanOption> chosenPlan() {
        return plans.stream().filter(PlanOption::chosen).findFirst();
    }
}
