package dev.flowcost.cli;

import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.dag.DagInputResult;
import dev.flowcost.core.dag.DagRuns;
import dev.flowcost.core.input.InputFiles;
import dev.flowcost.core.input.InputKind;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.report.inspect.DagInspectionView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowcost inspect}: what flowcost reads in a team's Airflow DAGs. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "List the Airflow DAGs found: tasks, edges, schedule, runs per month.",
        description = {"List the Airflow DAGs found in files and directories — Python DAG files (read statically, never "
                + "executed), Airflow REST API task lists, serialized DAG JSON, DOT from 'airflow dags show', DAG Factory "
                + "YAML — with their tasks, edges, schedule, runs per month and the diagnostics of reading them.",
                "", "Exit 0 when DAGs were read without error, 2 usage error, 3 when nothing usable was read or a file or "
                        + "DAG has an error (a cycle, say; what could be read is still listed)."},
        footer = {"", "Examples:", "  flowcost inspect examples/", "  flowcost inspect dags/ --format json"})
final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "DAG files or directories (read recursively).")
    List<Path> inputs;

    @Mixin
    WorkloadOption workloadOption;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Workload workload = workloadOption.load(spec.commandLine().getErr());
        Activity.set("reading the DAG files");
        List<Path> dagFiles = InputFiles.expand(inputs).stream()
                .filter(f -> f.explicit() || f.kind() == InputKind.DAG).map(InputFiles.InputFile::path).toList();
        DagInputResult read = new DagInputReader().read(dagFiles);
        List<DagInspectionView.Entry> entries = new ArrayList<>();
        for (Dag dag : read.dags()) {
            entries.add(new DagInspectionView.Entry(dag,
                    DagRuns.of(dag, workload.workflowOrDefault(dag.dagId()), workload.hoursPerMonth())));
        }
        DagInspectionView view = new DagInspectionView(entries, read.diagnostics());
        out.print(common.format == OutputFormat.json ? view.json() : view.text());
        out.flush();
        if (common.format == OutputFormat.json) {
            // the text view ends with the diagnostics; JSON carries them too, and a warning (a reading budget spent,
            // tasks possibly missing) must still reach a person watching the run
            read.diagnostics().stream().filter(d -> d.severity() != dev.flowcost.core.Severity.INFO)
                    .forEach(d -> spec.commandLine().getErr().println(d.render()));
        }
        boolean nothingUsable = read.dags().isEmpty();
        long errors = read.diagnostics().stream().filter(dev.flowcost.core.Diagnostic::isError).count();
        if (nothingUsable) {
            spec.commandLine().getErr().println("flowcost: no Airflow DAG found in " + inputs.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        } else if (errors > 0) {
            spec.commandLine().getErr().println("flowcost: " + errors + " error(s) in the DAGs read (a cycle, a file that "
                    + "cannot be read, ...); see the diagnostics");
        }
        return nothingUsable || errors > 0 ? ExitCode.INPUT.code() : ExitCode.OK.code();
    }
}
