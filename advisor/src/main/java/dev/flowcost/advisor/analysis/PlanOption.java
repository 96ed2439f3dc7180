package dev.flowcost.advisor.analysis;

import dev.flowcost.advisor.analysis.CostItem;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluated plan for an MWAA environment: which DAGs leave it and for which platform, what the environment then
 * is (class, workers, cost, by re-simulating its month with the DAGs that stay), what the moved DAGs cost on their
 * new platforms, the work the move takes and when that work pays back. Every plan the planner weighed is kept, the
 * chosen one marked, so a reader sees what it was chosen against.
 *
 * @param name                 "keep", "DAG by DAG", "move every movable DAG", "downsize to mw1.small", ...
 * @param description          the plan in a sentence
 * @param dagsMoving           DAGs that leave MWAA
 * @param targets              each moving DAG's platform ("step-functions", "mwaa-serverless")
 * @param classAfter           the environment's class after ("" when decommissioned)
 * @param maxWorkersAfter      its maximum workers after (0 when decommissioned)
 * @param environmentCostAfter what the environment costs a month after
 * @param movedDagsCost        what the moving DAGs cost a month on their new platforms (schedules included)
 * @param monthlyCostAfter     environment after + moved DAGs
 * @param monthlySaving        the environment's cost now − monthlyCostAfter (negative when the plan costs more)
 * @param workItems            the work, by kind, summed over the moving DAGs (and the decommissioning)
 * @param effortHours          Σ work item hours
 * @param effortCost           effortHours × the hourly rate
 * @param paybackMonths        effortCost / monthlySaving, empty when the plan saves nothing (never pays back)
 * @param paysBack             whether it is "keep", or saves money and pays back within the horizon
 * @param chosen               whether this is the advised plan
 * @param notes                how it was costed (re-simulations, blockers met, estimates)
 * @param environmentItemsAfter the environment's cost items after
 * @param itemsAfter           every cost item after: the environment's and the moved DAGs'
 */
public record PlanOption(String name, String description, List<String> dagsMoving, Map<String, String> targets,
                         String classAfter, int maxWorkersAfter, BigDecimal environmentCostAfter, BigDecimal movedDagsCost,
                         BigDecimal monthlyCostAfter, BigDecimal monthlySaving, List<WorkItem> workItems,
                         double effortHours, BigDecimal effortCost, Optional<BigDecimal> paybackMonths, boolean paysBack,
                         boolean chosen, List<String> notes, List<CostItem> environmentItemsAfter,
                         List<CostItem> itemsAfter) {

    public static final String KEEP = "keep";
    public static final String DAG_BY_DAG = "DAG by DAG";
    public static final String MOVE_ALL = "move every movable DAG";
    public static final String DOWNSIZE = "downsize to ";

    public PlanOption {
        dagsMoving = List.copyOf(dagsMoving);
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        workItems = List.copyOf(workItems);
        notes = List.copyOf(notes);
        environmentItemsAfter = List.copyOf(environmentItemsAfter);
        itemsAfter = List.copyOf(itemsAfter);
    }

    /** The same plan, marked chosen or not. */
    public PlanOption withChosen(boolean c) {
        return new PlanOption(name, description, dagsMoving, targets, classAfter, maxWorkersAfter, environmentCostAfter,
                movedDagsCost, monthlyCostAfter, monthlySaving, workItems, effortHours, effortCost, paybackMonths,
                paysBack, c, notes, environmentItemsAfter, itemsAfter);
    }

    /** Whether the environment goes. */
    public boolean decommissions() {
        return classAfter.isEmpty();
    }
}
