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
import java.util.Optional;
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
        stateMachines = dev.flowcost.core.LazyList.copyOf(stateMachines);
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
        return read(paths, allowed, KEPT_IN_MEMORY);
    }

    /**
     * State machine files up to which every machine read is kept in memory; beyond, a machine from its own ASL file
     * is read again from that file each time it is asked for ({@link dev.flowcost.core.LazyList}), so a large
     * estate's inputs never sit in memory all at once (a parsed machine with its definition tree is tens of KB).
     */
    public static final int KEPT_IN_MEMORY = 200;

    /** As {@link #read(List, ReferencedFiles.Allowed)}, keeping machines in memory up to {@code keptInMemory} files. */
    public static WorkflowInputs read(List<Path> paths, ReferencedFiles.Allowed allowed, int keptInMemory)
            throws IOException {
        List<InputFiles.InputFile> inputs = InputFiles.expand(paths);
        boolean lazy = inputs.stream().filter(f -> f.kind() == InputKind.STATE_MACHINE).count() > keptInMemory;
        List<LoadedStateMachine> machines = new ArrayList<>();
        Map<Integer, Reload> reloads = new java.util.HashMap<>();
        Set<Path> withMachine = new HashSet<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> dagFiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<IacEnvironment> environments = new ArrayList<>();
        AslReader asl = new AslReader(allowed);
        Map<Path, AslReadResult> results = new java.util.LinkedHashMap<>();
        Set<Path> referenced = new HashSet<>();
        // the machines are read side by side (the reader keeps no state), each slimmed as soon as it is read when
        // the estate is large, and taken in input order
        List<InputFiles.InputFile> machineFiles = inputs.stream().filter(f -> f.kind() == InputKind.STATE_MACHINE)
                .toList();
        record Read(AslReadResult result, boolean hadMachine) {
        }
        List<Read> read = machineFiles.parallelStream().map(f -> {
            AslReadResult r = asl.read(f.path());
            return new Read(lazy ? slim(r) : r, r.machine().isPresent());
        }).toList();
        for (int i = 0; i < machineFiles.size(); i++) {
            Path file = machineFiles.get(i).path();
            AslReadResult r = read.get(i).result();
            if (lazy && read.get(i).hadMachine()) {
                withMachine.add(file);
            }
            results.put(file, r);
            r.referencedFile().ifPresent(referenced::add);
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
                if ((r.machine().isPresent() || withMachine.contains(f.path())) && !r.hasErrors()) {
                    String name = WorkflowNames.stem(f.path());
                    if (!names.add(name)) {
                        diagnostics.add(Diagnostic.warning(DiagnosticCode.INPUT_DUPLICATE_NAME, f.path().toString(), SourceLocation.UNKNOWN,
                                "another input is also named '" + name + "'; the workload's entry applies to both"));
                    }
                    if (lazy) {
                        machines.add(null);
                        reloads.put(machines.size() - 1, new Reload(name, f.path(), r.declaredType()));
                    } else {
                        machines.add(new LoadedStateMachine(name, f.path().toString(), r.machine().get(),
                                r.declaredType(), Files.size(f.path()), r.definition()));
                    }
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
        List<LoadedStateMachine> kept = reloads.isEmpty() ? machines : new StoredStateMachines(machines, reloads, asl);
        return new WorkflowInputs(kept, dags, diagnostics, files, environments);
    }

    /** What is kept of a result while the machine itself is dropped: whether it had one, and what it said. */
    private static AslReadResult slim(AslReadResult r) {
        return new AslReadResult(r.file(), Optional.empty(), r.diagnostics(), r.declaredType(), Optional.empty(),
                r.referencedFile());
    }

    /**
     * The machines of a large estate: those from infrastructure code in memory, the others read again from their
     * own file each time one is asked for. Their names are known without reading.
     */
    public static final class StoredStateMachines extends dev.flowcost.core.LazyList<LoadedStateMachine> {
        private final List<LoadedStateMachine> inMemory;
        private final Map<Integer, Reload> reloads;
        private final AslReader asl;

        StoredStateMachines(List<LoadedStateMachine> inMemory, Map<Integer, Reload> reloads, AslReader asl) {
            this.inMemory = java.util.Collections.unmodifiableList(new ArrayList<>(inMemory));
            this.reloads = Map.copyOf(reloads);
            this.asl = asl;
        }

        @Override
        public LoadedStateMachine get(int index) {
            LoadedStateMachine m = inMemory.get(index);
            return m != null ? m : reloads.get(index).load(asl);
        }

        /** The workflow name of machine {@code index}, without reading its file. */
        public String name(int index) {
            LoadedStateMachine m = inMemory.get(index);
            return m != null ? m.name() : reloads.get(index).name();
        }

        @Override
        public int size() {
            return inMemory.size();
        }
    }

    /** A machine read from its own file again when it is asked for. */
    private record Reload(String name, Path file, Optional<dev.flowcost.core.workload.WorkflowType> declaredType) {
        LoadedStateMachine load(AslReader asl) {
            AslReadResult r = asl.read(file);
            if (r.machine().isEmpty() || r.hasErrors()) {
                throw new java.io.UncheckedIOException(new IOException(file + ": the file changed while flowcost was "
                        + "analysing it (it no longer reads as the state machine it was); run again"));
            }
            try {
                return new LoadedStateMachine(name, file.toString(), r.machine().get(), declaredType, Files.size(file),
                        r.definition());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
