package dev.flowcost.core.input;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.dag.DagInputReader;
import dev.flowcost.core.dag.DagInputResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every workflow under the paths a user gives — state machines and DAGs in any format flowcost knows, and what
 * infrastructure code declares — into models, keeping going past bad files: each problem becomes a diagnostic naming
 * its file and place.
 *
 * @param stateMachines the state machines read (those with validation errors are left out, their errors kept)
 * @param dags          the DAGs read
 * @param diagnostics   everything the readers said
 * @param files         the files read, in order
 * @param environments  MWAA environments declared in infrastructure code (Terraform, CloudFormation)
 */
public record WorkflowInputs(List<LoadedStateMachine> stateMachines, List<Dag> dags, List<Diagnostic> diagnostics,
                             List<Path> files, List<IacEnvironment> environments) {

    public WorkflowInputs {
        stateMachines = List.copyOf(stateMachines);
        dags = List.copyOf(dags);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        environments = List.copyOf(environments);
    }

    /** Inputs with no infrastructure code. */
    public WorkflowInputs(List<LoadedStateMachine> stateMachines, List<Dag> dags, List<Diagnostic> diagnostics,
                          List<Path> files) {
        this(stateMachines, dags, diagnostics, files, List.of());
    }

    /** Whether nothing usable was read (an environment from code counts: its hours are billed). */
    public boolean isEmpty() {
        return stateMachines.isEmpty() && dags.isEmpty() && environments.isEmpty();
    }

    public static WorkflowInputs read(List<Path> paths) throws IOException {
        return read(paths, ReferencedFiles.Allowed.REFERRING_FOLDER_ONLY);
    }

    /**
     * As {@link #read(List)}, reading files named inside templates also below {@code allowed}'s base. A definition
     * file a template reads (its DefinitionUri) is that template's workflow, so it is not read again on its own.
     */
    public static WorkflowInputs read(List<Path> paths, ReferencedFiles.Allowed allowed) throws IOException {
        List<InputFiles.InputFile> inputs = InputFiles.expand(paths);
        List<LoadedStateMachine> machines = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> dagFiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<IacEnvironment> environments = new ArrayList<>();
        AslReader asl = new AslReader(allowed);
        Map<Path, AslReadResult> results = new java.util.LinkedHashMap<>();
        Set<Path> referenced = new HashSet<>();
        for (InputFiles.InputFile f : inputs) {
            if (f.kind() == InputKind.STATE_MACHINE) {
                AslReadResult r = asl.read(f.path());
                results.put(f.path(), r);
                r.referencedFile().ifPresent(referenced::add);
            }
        }
        for (InputFiles.InputFile f : inputs) {
            if (f.kind() == InputKind.IAC) {
                IacReadResult r = readIac(f.path());
                files.add(f.path());
                diagnostics.addAll(r.diagnostics());
                for (LoadedStateMachine m : r.stateMachines()) {
                    if (!names.add(m.name())) {
                        diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_DUPLICATE_NAME, f.path().toString(), SourceLocation.UNKNOWN,
                                "another input is also named '" + m.name() + "'; the workload's entry applies to both"));
                    }
                    machines.add(m);
                }
                environments.addAll(r.environments());
            }
        }
        for (InputFiles.InputFile f : inputs) {
            if (f.kind() == InputKind.STATE_MACHINE) {
                AslReadResult r = results.get(f.path());
                if (!f.explicit() && referenced.contains(realPath(f.path()))) {
                    continue; // read as its template's definition
                }
                files.add(f.path());
                diagnostics.addAll(r.diagnostics());
                if (r.machine().isPresent() && !r.hasErrors()) {
                    String name = WorkflowNames.stem(f.path());
                    if (!names.add(name)) {
                        diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_DUPLICATE_NAME, f.path().toString(), SourceLocation.UNKNOWN,
                                "another input is also named '" + name + "'; the workload's entry applies to both"));
                    }
                    machines.add(new LoadedStateMachine(name, f.path().toString(), r.machine().get(), r.declaredType(),
                            Files.size(f.path()), r.definition()));
                }
                if (mentionsEnvironment(f.path())) {
                    IacReadResult env = CloudFormationEnvironments.read(f.path().toString(),
                            new String(Files.readAllBytes(f.path()), StandardCharsets.UTF_8),
                            !f.path().toString().endsWith(".json"));
                    diagnostics.addAll(env.diagnostics());
                    environments.addAll(env.environments());
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
        return new WorkflowInputs(machines, dags, diagnostics, files, environments);
    }

    /** A Terraform JSON file or a CloudFormation template that declares MWAA environments only. */
    private static IacReadResult readIac(Path file) throws IOException {
        if (Files.size(file) > TerraformShowReader.MAX_BYTES) {
            return new IacReadResult(List.of(), List.of(), List.of(TerraformShowReader.tooLarge(file.toString(),
                    Files.size(file))));
        }
        byte[] content = Files.readAllBytes(file);
        String head = new String(content, 0, Math.min(content.length, 16 * 1024), StandardCharsets.UTF_8);
        if (TerraformShowReader.looksLike(head)) {
            return TerraformShowReader.read(file.toString(), content);
        }
        String name = file.getFileName().toString();
        return CloudFormationEnvironments.read(file.toString(), new String(content, StandardCharsets.UTF_8),
                !name.endsWith(".json"));
    }

    private static boolean mentionsEnvironment(Path file) throws IOException {
        return Files.size(file) <= TerraformShowReader.MAX_BYTES
                && CloudFormationEnvironments.mentioned(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
