package dev.flowcost.cli;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.price.MissingPriceException;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.asl.StatePaths;
import dev.flowcost.core.input.IacEnvironments;
import dev.flowcost.core.input.LoadedStateMachine;
import dev.flowcost.core.input.WorkflowInputs;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadMatching;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What advise and report share: read the inputs, the workload and the prices, and ask the advisor for an Analysis. */
final class AnalysisRun {
    private AnalysisRun() {
    }

    /**
     * An analysis and how many inputs (files or workflows) it had to leave out under {@code --keep-going}.
     */
    record Outcome(Analysis analysis, int failedInputs) {
        /**
         * The exit code: 3 when inputs were left out (said on stderr, after the budget verdict), else the budget's.
         */
        int exitCode(java.math.BigDecimal failOver, PrintWriter err) {
            int budget = Budget.exitCode(analysis, failOver, err);
            if (failedInputs > 0) {
                err.println("flowcost: " + failedInputs + " input error(s) above (--keep-going): the results leave those "
                        + "inputs out, so they are incomplete; exit code 3");
                return ExitCode.INPUT.code();
            }
            return budget;
        }
    }

    static Outcome analyze(List<Path> paths, Workload workload, PriceBook prices, String region, boolean keepGoing,
                           dev.flowcost.core.input.ReferencedFiles.Allowed allowed, PrintWriter err) throws IOException {
        return analyze(paths, workload, prices, region, keepGoing, allowed, err, Advisor.WorkflowSink.KEEP_ALL);
    }

    /**
     * As above, handing every workflow's analysis to {@code sink} as it is made (a report keeps a large estate on
     * disk this way); the outcome's analysis is what the sink kept.
     */
    static Outcome analyze(List<Path> paths, Workload workload, PriceBook prices, String region, boolean keepGoing,
                           dev.flowcost.core.input.ReferencedFiles.Allowed allowed, PrintWriter err,
                           Advisor.WorkflowSink sink) throws IOException {
        Activity.set("reading the inputs");
        WorkflowInputs inputs = WorkflowInputs.read(paths, allowed);
        for (Diagnostic d : inputs.diagnostics()) {
            if (d.code() != DiagnosticCode.DAG_NONE_FOUND) { // a folder's other files are not news
                err.println(d.render());
            }
        }
        List<Diagnostic> errors = inputs.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (inputs.isEmpty()) {
            throw new InputException("no state machine or DAG found in " + paths.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
        if (!errors.isEmpty() && !keepGoing) {
            throw new InputException(errors.size() + " input error(s) above; fix them, or pass --keep-going to "
                    + "analyse the workflows that could be read");
        }
        // what infrastructure code declares about environments joins the workload's
        IacEnvironments.Merged merged = IacEnvironments.merge(workload, inputs.environments(),
                !workload.equals(Workload.defaults()));
        merged.diagnostics().forEach(d -> err.println(d.render()));
        workload = merged.workload();
        // every workload entry is matched to what was read: bare names resolved, the rest warned about with its line
        Map<String, List<String>> statePaths = new LinkedHashMap<>();
        if (inputs.stateMachines() instanceof WorkflowInputs.StoredStateMachines stored) {
            // a large estate's machines are read again from their files: only those the workload names states of
            // are read for their paths, the others need only their names
            for (int i = 0; i < stored.size(); i++) {
                String name = stored.name(i);
                dev.flowcost.core.workload.WorkflowWorkload w = workload.workflows().get(name);
                statePaths.put(name, w == null || w.states().isEmpty() ? List.of()
                        : List.copyOf(StatePaths.of(stored.get(i).machine()).keySet()));
            }
        } else {
            for (LoadedStateMachine m : inputs.stateMachines()) {
                statePaths.put(m.name(), List.copyOf(StatePaths.of(m.machine()).keySet()));
            }
        }
        Map<String, List<String>> taskIds = new LinkedHashMap<>();
        for (dev.flowcost.core.dag.Dag d : inputs.dags()) {
            taskIds.put(d.dagId(), d.tasks().stream().map(dev.flowcost.core.dag.DagTask::taskId).toList());
        }
        WorkloadMatching.Result matched = WorkloadMatching.match(workload, statePaths, taskIds);
        matched.diagnostics().forEach(d -> err.println(d.render()));
        workload = matched.workload();
        List<StateMachineInput> machines = dev.flowcost.core.LazyList.mapped(inputs.stateMachines(),
                AnalysisRun::toAdvisor);
        List<String> files = inputs.files().stream().map(Path::toString).toList();
        List<Diagnostic> diagnostics = inputs.diagnostics();
        // the machines are handed over one at a time, never as one list: a large estate's are read as they are needed
        AdvisorInput input = new AdvisorInput(List.of(), inputs.dags(), workload, prices, Optional.ofNullable(region),
                files, diagnostics, merged.declared());
        Analysis analysis;
        try {
            analysis = Progress.around(err, "analysing " + (machines.size() + inputs.dags().size()) + " workflow(s)",
                    () -> Advisor.analyze(input, machines.iterator(), sink));
        } catch (MissingPriceException e) {
            throw new InputException(e.getMessage());
        }
        // what the engines added (the readers' diagnostics were printed above)
        java.util.Set<Diagnostic> read = new java.util.HashSet<>(diagnostics);
        List<Diagnostic> engineErrors = new java.util.ArrayList<>();
        for (Diagnostic d : analysis.diagnostics()) {
            if (!read.contains(d)) {
                err.println(d.render());
                if (d.isError()) {
                    engineErrors.add(d);
                }
            }
        }
        if (!engineErrors.isEmpty() && !keepGoing) {
            throw new InputException(engineErrors.size() + " workflow(s) cannot be costed (see above); fix them, or pass "
                    + "--keep-going to report the rest");
        }
        Activity.set("writing the results");
        return new Outcome(analysis, errors.size() + engineErrors.size());
    }

    private static StateMachineInput toAdvisor(LoadedStateMachine m) {
        return new StateMachineInput(m.name(), m.file(), m.machine(), m.declaredType(), m.definitionBytes(),
                m.definition());
    }
}
