package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.workload.WorkflowWorkload;

import dev.flowcost.core.workload.MigrationSettings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import dev.flowcost.core.count.DraftCounts;
import java.util.Objects;

/**
 * Everything {@link DagMigrationAdvisor#assess} needs for one DAG, so the advice is a pure function of it.
 *
 * @param dag          the DAG as read
 * @param workload     its workload (task durations, failure rates, items of mapped tasks)
 * @param runsPerMonth runs a month
 * @param runsKey      the Assumption key holding runsPerMonth (CostItems per run refer to it)
 * @param run          the DagRunSimulator result for this DAG (task instances and slot-seconds per run)
 * @param environment  the DAG's place on its MWAA environment
 * @param prices       the price book
 * @param region       the region to price in
 * @param migration    hourly rate, payback horizon and effort hours of a move
 * @param inputs       every DAG read with this one (to resolve its links to other DAGs)
 * @param draft        the DAG's converted draft as the counting stage counted it (empty: counted on demand)
 */
public record DagMigrationInput(Dag dag, WorkflowWorkload workload, BigDecimal runsPerMonth, String runsKey,
                                DagRunResult run, EnvironmentShare environment, PriceBook prices, String region,
                                MigrationSettings migration, List<Dag> inputs, Optional<DraftCounts> draft) {
    public DagMigrationInput {
        Objects.requireNonNull(dag, "dag");
        workload = workload == null ? WorkflowWorkload.defaults() : workload;
        Objects.requireNonNull(runsPerMonth, "runsPerMonth");
        if (runsPerMonth.signum() < 0) {
            throw new IllegalArgumentException("runsPerMonth is negative: " + runsPerMonth);
        }
        Objects.requireNonNull(runsKey, "runsKey");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(region, "region");
        migration = migration == null ? MigrationSettings.NONE : migration;
        inputs = inputs == null ? List.of(dag) : List.copyOf(inputs);
        draft = draft == null ? Optional.empty() : draft;
    }

    /** An input with the default migration settings and no other DAG. */
    public DagMigrationInput(Dag dag, WorkflowWorkload workload, BigDecimal runsPerMonth, String runsKey,
                             DagRunResult run, EnvironmentShare environment, PriceBook prices, String region) {
        this(dag, workload, runsPerMonth, runsKey, run, environment, prices, region, MigrationSettings.NONE, null,
                Optional.empty());
    }

    /** The same input at another volume (for cost curves). */
    public DagMigrationInput withRunsPerMonth(BigDecimal runs) {
        return new DagMigrationInput(dag, workload, runs, runsKey, run, environment, prices, region, migration, inputs,
                draft); // per-run counts do not change with the volume
    }
}
