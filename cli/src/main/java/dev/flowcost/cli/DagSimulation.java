package dev.flowcost.cli;

import dev.flowcost.advisor.estate.DagPlacement;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.simulate.dag.DagRunResult;
import dev.flowcost.core.simulate.dag.DagRunSimulator;
import dev.flowcost.core.simulate.dag.DagSchedule;
import dev.flowcost.core.simulate.dag.DagSimulationSettings;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.EnvironmentSimulator;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.report.simulation.DagSimulationView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The DAG half of {@code flowcost simulate}: one DAG's runs on an MWAA environment, and a month of them. */
final class DagSimulation {

    private DagSimulation() {
    }

    static int run(Path file, String dagId, Workload workload, DagEnvironmentOptions options, long runs, long seed,
                   OutputFormat format, PrintWriter out, PrintWriter err) {
        Dag dag = DagSelection.select(file, dagId, true, err);
        WorkflowWorkload wl = OneWorkflow.tasksMatched(workload, dag, err);
        EnvironmentSpec env = environmentFor(dag, workload, options);
        EnvironmentClass envClass = EnvironmentClass.parse(env.environmentClass()).orElseThrow(() ->
                new InputException("workload environment '" + env.name() + "': unknown MWAA environment class '"
                        + env.environmentClass()
                        + "' (known: mw1.micro, mw1.small, mw1.medium, mw1.large, mw1.xlarge, mw1.2xlarge)"));
        DagSimulationSettings settings = DagSimulationSettings.forEnvironment(envClass, env.minWorkers());
        int simulatedRuns = (int) Math.min(runs, 1_000_000L);
        DagRunResult result = Progress.around(err, "simulating " + simulatedRuns + " runs of " + dag.dagId(),
                () -> new DagRunSimulator().simulate(dag, wl, settings, simulatedRuns, seed));
        DagRuns perMonth = DagRuns.of(dag, wl, workload.hoursPerMonth());
        Optional<EnvironmentMonthResult> month = perMonth.runsPerMonth().isPresent()
                ? Optional.of(Progress.around(err, "simulating a month on " + env.environmentClass(), () ->
                        new EnvironmentSimulator().simulate(env, List.of(new DagSchedule(dag, wl, perMonth.runsPerMonth().getAsDouble())),
                                workload.hoursPerMonth(), EnvironmentSimulator.defaultSettings(), seed)))
                : Optional.empty();
        DagSimulationView view = new DagSimulationView(file.toString(), dag, env, perMonth, result, month, seed);
        out.print(format == OutputFormat.json ? view.json() : view.text());
        out.flush();
        return ExitCode.OK.code();
    }

    /** The workload's environment hosting the DAG (or a default mw1.small), with the command-line options on top. */
    private static EnvironmentSpec environmentFor(Dag dag, Workload workload, DagEnvironmentOptions options) {
        EnvironmentSpec base = DagPlacement.environmentOf(dag, workload);
        String cls = options.environmentClass != null ? options.environmentClass : base.environmentClass();
        int min = options.workers != null ? options.workers : base.minWorkers();
        int max = options.maxWorkers != null ? options.maxWorkers : Math.max(min, base.maxWorkers());
        if (min < 1 || max > EnvironmentClass.MAX_WORKERS_QUOTA || max < min) {
            throw new InputException("workers must satisfy 1 <= --workers <= --max-workers <= "
                    + EnvironmentClass.MAX_WORKERS_QUOTA + " (got " + min + " and " + max + ")");
        }
        return new EnvironmentSpec(base.name(), cls, min, max, base.schedulers(), base.webServers(),
                base.metadataStorageGb(), base.dags());
    }
}
