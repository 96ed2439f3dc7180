package dev.flowcost.cli;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.workload.Workload;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The {@code --workload} option: reads the workload file, or gives the defaults when there is none. */
final class WorkloadOption {
    @Option(names = {"-w", "--workload"}, paramLabel = "FILE",
            description = "Workload file (YAML or JSON): executions per month, Map items, failure rates, durations, "
                    + "MWAA environments. Without it every default applies and is listed. "
                    + "Example: -w examples/workload.yaml")
    Path workload;

    /** The workload; warnings go to {@code err}; an unusable file is an input error naming the place. */
    Workload load(PrintWriter err) {
        if (workload == null) {
            return Workload.defaults();
        }
        Activity.set("reading the workload file " + workload);
        WorkloadReadResult r = new WorkloadReader().read(workload);
        for (Diagnostic d : r.diagnostics()) {
            if (!d.isError()) {
                err.println(d.render());
            }
        }
        if (r.workload().isEmpty() || r.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            throw new InputException(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        return r.workload().get();
    }
}
