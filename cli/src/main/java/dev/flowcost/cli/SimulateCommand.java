package dev.flowcost.cli;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.asl.StateMachine;
import dev.flowcost.core.input.InputFiles;
import dev.flowcost.core.input.InputKind;
import dev.flowcost.core.input.WorkflowNames;
import dev.flowcost.core.simulate.ExactAnalyzer;
import dev.flowcost.core.simulate.ExactResult;
import dev.flowcost.core.simulate.MonteCarloResult;
import dev.flowcost.core.simulate.MonteCarloSimulator;
import dev.flowcost.core.workload.WorkflowWorkload;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.report.simulation.StateMachineSimulationView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost simulate}: counts what one execution of a workflow does, exactly and as a distribution. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Count what one execution (or DAG run) does: transitions, child executions, task instances.",
        description = {"Count what one execution of a state machine does: expected entries and transitions per state "
                + "(exact, by absorbing-Markov-chain analysis), and the distribution of transitions and duration over "
                + "many seeded Monte Carlo executions. Distributed Map children are counted apart (Standard "
                + "transitions or Express executions).",
                "For an Airflow DAG: task instances, makespan, peak concurrency and slot-seconds per run on an MWAA "
                        + "environment."},
        footer = {"", "Examples:",
                "  flowcost simulate examples/enrich-event.asl.yaml -w examples/workload.yaml",
                "  flowcost simulate examples/etl_glue_s3.py -w examples/workload.yaml",
                "  flowcost simulate dags/etl.py --dag nightly_etl --workers 2 --format json",
                "  flowcost simulate machine.asl.json --executions 100000 --seed 7 --format json",
                "", "Exit 0 ok, 2 usage error, 3 input error (an invalid definition, a DAG with a cycle, ...)."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A state machine definition or an Airflow DAG file.")
    Path file;

    @Mixin
    WorkloadOption workloadOption;

    @Option(names = "--executions", defaultValue = "10000", paramLabel = "N",
            description = "Monte Carlo executions, 1 to 100000000 (default ${DEFAULT-VALUE}). Example: --executions 100000")
    long executions;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Monte Carlo seed; the same seed gives the same result on any machine (default ${DEFAULT-VALUE}). "
                    + "Example: --seed 7")
    long seed;

    @Option(names = "--dag", paramLabel = "ID", description = "The DAG to simulate when the file defines several. Example: --dag nightly_etl")
    String dagId;

    @Mixin
    DagEnvironmentOptions environment;

    @Mixin
    CommonOptions common;

    @Mixin
    BaseOption base;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (executions < 1 || executions > 100_000_000L) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--executions must be between 1 and 100000000, not " + executions);
        }
        checkEnvironmentOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workload workload = workloadOption.load(err);
        if (java.nio.file.Files.isDirectory(file)) {
            throw new InputException(file + ": is a directory; simulate reads one state machine or DAG file");
        }
        InputKind kind = InputFiles.expand(List.of(file)).get(0).kind();
        if (kind == InputKind.WORKLOAD) {
            throw new InputException(file + ": this is a workload file; give it with --workload (-w) and name the state "
                    + "machine or DAG file to simulate");
        }
        if (kind == InputKind.DAG) {
            return DagSimulation.run(file, dagId, workload, environment, executions, seed, common.format, out, err);
        }
        return simulateStateMachine(workload, out, err);
    }

    /** Worker counts and environment class given on the command line are usage errors when out of range. */
    private void checkEnvironmentOptions() {
        int quota = dev.flowcost.core.dag.EnvironmentClass.MAX_WORKERS_QUOTA;
        if (environment.workers != null && (environment.workers < 1 || environment.workers > quota)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--workers must be between 1 and " + quota + ", not " + environment.workers);
        }
        if (environment.maxWorkers != null && (environment.maxWorkers < 1 || environment.maxWorkers > quota)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-workers must be between 1 and " + quota + ", not " + environment.maxWorkers);
        }
        if (environment.workers != null && environment.maxWorkers != null && environment.maxWorkers < environment.workers) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-workers (" + environment.maxWorkers + ") must not be less than --workers (" + environment.workers + ")");
        }
        if (environment.environmentClass != null
                && dev.flowcost.core.dag.EnvironmentClass.parse(environment.environmentClass).isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --environment-class '"
                    + environment.environmentClass + "' (choose from mw1.micro, mw1.small, mw1.medium, mw1.large, "
                    + "mw1.xlarge, mw1.2xlarge)");
        }
    }

    private int simulateStateMachine(Workload workload, PrintWriter out, PrintWriter err) {
        Activity.set("reading " + file);
        AslReadResult read = new AslReader(base.allowed(spec.commandLine())).read(file);
        if (read.hasErrors() || read.machine().isEmpty()) {
            throw new InputException(read.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        read.diagnostics().forEach(d -> err.println(d.render()));
        StateMachine machine = read.machine().get();
        String name = WorkflowNames.stem(file);
        dev.flowcost.core.workload.WorkloadMatching.Result matched = dev.flowcost.core.workload.WorkloadMatching
                .matchOne(workload, name, dev.flowcost.core.asl.StatePaths.of(machine).keySet(), java.util.List.of());
        matched.diagnostics().forEach(d -> err.println(d.render()));
        WorkflowWorkload wl = matched.workload().workflowOrDefault(name);
        Activity.set("analysing " + file);
        ExactResult exact = ExactAnalyzer.analyze(machine, wl);
        if (exact.hasErrors()) {
            throw new InputException(exact.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> d.inFile(file.toString()).render())
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        MonteCarloResult mc = Progress.around(err, "simulating " + executions + " executions",
                () -> MonteCarloSimulator.simulate(machine, wl, executions, seed));
        // what the engines noticed (executions cut at the step cap, defaults...) goes to stderr, located in the file
        java.util.stream.Stream.concat(exact.diagnostics().stream(), mc.diagnostics().stream()).distinct()
                .map(d -> d.inFile(file.toString()))
                .forEach(d -> err.println(d.render()));
        StateMachineSimulationView view = new StateMachineSimulationView(file.toString(), machine, exact, mc);
        out.print(common.format == OutputFormat.json ? view.json() : view.text());
        out.flush();
        return ExitCode.OK.code();
    }
}
