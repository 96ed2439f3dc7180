package dev.flowcost.advisor;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.Workload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link Advisor#analyze} needs, already read: workflows, workload, prices and what the readers said.
 *
 * @param stateMachines   state machines to price and advise on, in input order
 * @param dags            Airflow DAGs to price as shares of their MWAA environments
 * @param workload        runs, items, durations, environments
 * @param prices          the price book in use (bundled, possibly overridden by a user CSV)
 * @param regionOverride  a region given on the command line, which wins over the workload's
 * @param inputFiles      the files read, for the report
 * @param readDiagnostics what the readers reported, as data (each with its code)
 * @param declaredEnvironments names of the workload's environments that the inputs themselves declare (Terraform,
 *                        CloudFormation): these are costed even when no DAG is given, their hours being billed anyway
 */
public record AdvisorInput(List<StateMachineInput> stateMachines, List<Dag> dags, Workload workload, PriceBook prices,
                           Optional<String> regionOverride, List<String> inputFiles, List<Diagnostic> readDiagnostics,
                           Set<String> declaredEnvironments) {

    /** Inputs that declare no environment of their own. */
    public AdvisorInput(List<StateMachineInput> stateMachines, List<Dag> dags, Workload workload, PriceBook prices,
                        Optional<String> regionOverride, List<String> inputFiles, List<Diagnostic> readDiagnostics) {
        this(stateMachines, dags, workload, prices, regionOverride, inputFiles, readDiagnostics, Set.of());
    }

    public AdvisorInput {
        declaredEnvironments = Set.copyOf(declaredEnvironments);
        stateMachines = List.copyOf(stateMachines);
        dags = List.copyOf(dags);
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(prices, "prices");
        regionOverride = regionOverride == null ? Optional.empty() : regionOverride;
        inputFiles = List.copyOf(inputFiles);
        readDiagnostics = List.copyOf(readDiagnostics);
    }

    /** The region prices are looked up in: the override, else the workload's. */
    public String region() {
        return regionOverride.filter(r -> !r.isBlank()).orElse(workload.region());
    }
}
