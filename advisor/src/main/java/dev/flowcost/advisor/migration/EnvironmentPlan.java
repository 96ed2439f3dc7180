package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentConditions;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What an MWAA environment becomes once the DAGs advised to move have left: its cost after, the class and workers it
 * then needs, the verdict, and the estate-level saving (the environment's saving less what the moved DAGs cost on
 * their new platforms).
 *
 * @param environmentName  the environment
 * @param environmentClass its class now
 * @param dags             DAGs it hosts now
 * @param movingDags       DAGs advised to leave MWAA
 * @param monthlyCost      what it costs now
 * @param costItems        its items now
 * @param monthlyCostAfter what it costs after (0 when decommissioned)
 * @param itemsAfter       its items after
 * @param classAfter       its class after ("" when decommissioned)
 * @param maxWorkersAfter  the maximum workers it then needs (0 when decommissioned)
 * @param verdict          "keep", "downsize to mw1.small", "decommission"
 * @param notes            why, in numbers
 * @param finding          the estate-level finding, when any DAG moves
 * @param options          every plan weighed, the chosen one marked
 * @param conditions       when the answer changes
 * @param simulations      environment months re-simulated for the plans
 */
public record EnvironmentPlan(String environmentName, String environmentClass, List<String> dags, List<String> movingDags,
                              BigDecimal monthlyCost, List<CostItem> costItems, BigDecimal monthlyCostAfter,
                              List<CostItem> itemsAfter, String classAfter, int maxWorkersAfter, String verdict,
                              List<String> notes, Optional<Finding> finding, List<PlanOption> options,
                              EnvironmentConditions conditions, int simulations) {

    public static final String KEEP = "keep";
    public static final String DECOMMISSION = "decommission";
    public static final String DOWNSIZE_PREFIX = "downsize to ";

    public EnvironmentPlan {
        dags = List.copyOf(dags);
        movingDags = List.copyOf(movingDags);
        costItems = List.copyOf(costItems);
        itemsAfter = List.copyOf(itemsAfter);
        notes = List.copyOf(notes);
        options = List.copyOf(options);
    }

    /** The plan as the Analysis records an environment. */
    public EnvironmentAnalysis toAnalysis() {
        return new EnvironmentAnalysis(environmentName, environmentClass, dags, costItems, monthlyCost, monthlyCostAfter,
                verdict, notes, options, Optional.of(conditions));
    }
}
