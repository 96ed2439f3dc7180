package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.dag.DagInputResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every workflow under the paths a user gives — state machines and DAGs in any format flowcost knows — into
 * models, keeping going past bad files: each problem becomes a diagnostic naming its file and place.
 *
 * @param stateMachines the state machines read (those with validation errors are left out, their errors kept)
 * @param dags          the DAGs read
 * @param diagnostics   everything the readers said
 * @param files         the files read, in order
 */
public record WorkflowInputs(List<LoadedStateMachine> stateMachines, List<Dag> dags, List<Diagnostic> diagnostics,
                             List<Path> files) {

    public WorkflowInputs {
        stateMachines = List.copyOf(stateMachines);
        dags = List.copyOf(dags);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    /** Whether nothing usable was read. */
    public boolean isEmpty() {
        return stateMachines.isEmpty() && dags.isEmpty();
    }

    public static WorkflowInputs read(List<Path> paths) throws IOException {
        List<InputFiles.InputFile> inputs = InputFiles.expand(paths);
        List<LoadedStateMachine> machines = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> dagFiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        AslReader asl = new AslReader();
        for (InputFiles.InputFile f : inputs) {
            if (f.kind() == InputKind.STATE_MACHINE) {
                AslReadResult r = asl.read(f.path());
                files.add(f.path());
                diagnostics.addAll(r.diagnostics());
                if (r.machine().isPresent() && !r.hasErrors()) {
                    String name = WorkflowNames.stem(f.path());
                    if (!names.add(name)) {
                        diagnostics.add(Diagnostic.warning(f.path().toString(), SourceLocation.UNKNOWN,
                                "another input is also named '" + name + "'; the workload's entry applies to both"));
                    }
                    machines.add(new LoadedStateMachine(name, f.path().toString(), r.machine().get(), r.declaredType(),
                            Files.size(f.path()), r.definition()));
                }
            } else if (f.kind() == InputKind.DAG || (f.explicit() && f.kind() == InputKind.OTHER)) {
                dagFiles.add(f.path());
            }
        }
        List<Dag> dags = List.of();
        if (!dagFiles.isEmpty()) {
            DagInputResult r = new DagInputReader().read(dagFiles);
            dags = r.dags();
            diagnostics.addAll(r.diagnostics());
            files.addAll(r.filesRead());
        }
        return new WorkflowInputs(machines, dags, diagnostics, files);
    }
}
