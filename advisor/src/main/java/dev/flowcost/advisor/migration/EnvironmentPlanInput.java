package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentMonths;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.MigrationSettings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link EnvironmentPlanner#plan} needs for one MWAA environment: the environment as specified and as
 * simulated for a month, what it costs, the DAGs on it with their advice and work, where counterfactual months come
 * from, and what a move costs in people's time.
 *
 * @param spec          the environment from the workload
 * @param month         its simulated month (slot-seconds per DAG, extra-worker hours, peak running tasks)
 * @param costItems     its cost items now
 * @param monthlyCost   its monthly cost now
 * @param dags          the DAGs it hosts, with their advice
 * @param prices        the price book
 * @param region        the region
 * @param months        counterfactual months (memoised, bounded re-simulation)
 * @param migration     hourly rate, horizon and effort hours
 * @param hoursPerMonth the month's length
 */
public record EnvironmentPlanInput(EnvironmentSpec spec, EnvironmentMonthResult month, List<CostItem> costItems,
                                   BigDecimal monthlyCost, List<PlannedDag> dags, PriceBook prices, String region,
                                   EnvironmentMonths months, MigrationSettings migration, double hoursPerMonth) {

    public EnvironmentPlanInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(month, "month");
        costItems = List.copyOf(costItems);
        Objects.requireNonNull(monthlyCost, "monthlyCost");
        dags = List.copyOf(dags);
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(months, "months");
        migration = migration == null ? MigrationSettings.NONE : migration;
    }

    /**
     * One DAG of the environment with its advice, its run simulation and the work its move takes.
     *
     * @param runsPerMonth its runs a month
     * @param runsKey      the assumption key of those runs
     */
    public record PlannedDag(String dagId, DagMigration migration, DagRunResult run, DagWork work,
                             BigDecimal runsPerMonth, String runsKey) {
        public PlannedDag {
            Objects.requireNonNull(dagId, "dagId");
            Objects.requireNonNull(migration, "migration");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(runsPerMonth, "runsPerMonth");
            Objects.requireNonNull(runsKey, "runsKey");
        }
    }
}
