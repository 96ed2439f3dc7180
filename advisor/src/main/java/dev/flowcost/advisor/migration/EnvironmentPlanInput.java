package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.workload.EnvironmentSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link EnvironmentPlanner#plan} needs for one MWAA environment: the environment as specified and as
 * simulated for a month, what it costs, and the DAGs on it with their migration advice.
 *
 * @param spec        the environment from the workload
 * @param month       its simulated month (slot-seconds per DAG, extra-worker hours, peak running tasks)
 * @param costItems   its cost items now
 * @param monthlyCost its monthly cost now
 * @param dags        the DAGs it hosts, with their advice
 * @param prices      the price book
 * @param region      the region
 */
public record EnvironmentPlanInput(EnvironmentSpec spec, EnvironmentMonthResult month, List<CostItem> costItems,
                                   BigDecimal monthlyCost, List<PlannedDag> dags, PriceBook prices, String region) {

    public EnvironmentPlanInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(month, "month");
        costItems = List.copyOf(costItems);
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        dags = List.copyOf(dags);
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
    }

    /** One DAG of the environment with its advice and its run simulation. */
    public record PlannedDag(String dagId, DagMigration migration, DagRunResult run) {
        public PlannedDag {
            Objects.requireNonNull(dagId, "dagId");
            Objects.requireNonNull(migration, "migration");
            Objects.requireNonNull(run, "run");
        }
    }
}
