package dev.flowcost.cli;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.AdvisorInput;
import dev.flowcost.advisor.StateMachineInput;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.price.MissingPriceException;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.input.IacEnvironments;
import dev.flowcost.core.input.LoadedStateMachine;
import dev.flowcost.core.input.WorkflowInputs;
import dev.flowcost.core.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What advise and report share: read the inputs, the workload and the prices, and ask the advisor for an Analysis. */
final class AnalysisRun {
    private AnalysisRun() {
    }

    static Analysis analyze(List<Path> paths, Workload workload, PriceBook prices, String region, boolean keepGoing,
                            PrintWriter err) throws IOException {
        WorkflowInputs inputs = WorkflowInputs.read(paths);
        for (Diagnostic d : inputs.diagnostics()) {
            if (d.severity() != dev.flowcost.core.Severity.INFO || !d.message().startsWith("no DAG found")) {
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
        List<StateMachineInput> machines = inputs.stateMachines().stream().map(AnalysisRun::toAdvisor).toList();
        List<String> files = inputs.files().stream().map(Path::toString).toList();
        List<String> diagnostics = inputs.diagnostics().stream().map(Diagnostic::render).toList();
        AdvisorInput input = new AdvisorInput(machines, inputs.dags(), workload, prices, Optional.ofNullable(region),
                files, diagnostics, merged.declared());
        Analysis analysis;
        try {
            analysis = Progress.around(err, "analysing " + (machines.size() + inputs.dags().size()) + " workflow(s)",
                    () -> Advisor.analyze(input));
        } catch (MissingPriceException e) {
            throw new InputException(e.getMessage());
        }
        List<String> engineErrors = new java.util.ArrayList<>();
        for (String d : analysis.diagnostics()) {
            if (!diagnostics.contains(d)) {
                err.println(d);
                if (isError(d)) {
                    engineErrors.add(d);
                }
            }
        }
        if (!engineErrors.isEmpty() && !keepGoing) {
            throw new InputException(engineErrors.size() + " workflow(s) cannot be costed (see above); fix them, or pass "
                    + "--keep-going to report the rest");
        }
        return analysis;
    }

    /** An analysis diagnostic line ({@code [file:line: ]severity: message}) that is an error. */
    static boolean isError(String diagnostic) {
        return diagnostic.startsWith("error: ") || diagnostic.contains(": error: ");
    }

    private static StateMachineInput toAdvisor(LoadedStateMachine m) {
        return new StateMachineInput(m.name(), m.file(), m.machine(), m.declaredType(), m.definitionBytes());
    }
}
