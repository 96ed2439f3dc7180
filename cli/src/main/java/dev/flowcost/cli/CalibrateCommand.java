package dev.flowcost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.calibrate.CalibratedValue;
import dev.flowcost.core.calibrate.CalibratedWorkloadWriter;
import dev.flowcost.core.calibrate.CalibrationRun;
import dev.flowcost.core.workload.WorkloadReadResult;
import dev.flowcost.core.workload.WorkloadReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost calibrate}: a workload from what actually ran (execution histories, task instances). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        header = "Write a workload file from execution histories and Airflow task instances, each value with its source.",
        description = {"Reads record exports — aws stepfunctions get-execution-history / list-executions / "
                + "describe-map-run JSON, Airflow REST taskInstances and dagRuns lists (v1, v2, batch ~ endpoints), "
                + "CSV exports of Airflow's task_instance and dag_run tables — together with the state machine "
                + "definitions and DAG files they belong to, and writes the workload they imply: executions a month, "
                + "Map items, failure rates per error, durations (mean, p95), Choice branch weights, mapped task "
                + "counts. Every calibrated key carries a comment: how many executions or task instances, the time "
                + "range, the 95% interval.", "",
                "Exit 0 ok, 2 usage error, 3 input error (nothing is written)."},
        footer = {"", "Examples:", "  flowcost calibrate orders.asl.json histories/ --out workload.yaml",
                "  flowcost calibrate dags/ ti.json runs.json -w base.yaml --out calibrated.yaml"})
final class CalibrateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Definitions, DAG files and record exports (files or directories).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Workload file to write (YAML). "
            + "Example: --out workload.yaml")
    Path out;

    @Option(names = {"-w", "--workload"}, paramLabel = "FILE", description = "Hand-written workload to merge: its keys "
            + "win unless --overwrite. Example: -w workload.yaml")
    Path base;

    @Option(names = "--overwrite", description = "Calibrated values replace the hand-written ones of --workload. Example: --overwrite")
    boolean overwrite;

    @Option(names = "--keep-going", description = "Write the workload even when some exports have errors. Example: --keep-going")
    boolean keepGoing;

    @picocli.CommandLine.Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<JsonNode> baseTree = readBase(base, err);
        Calibrated c = calibrate(inputs, baseTree, overwrite, keepGoing, err);
        FileProblems.write(out, c.result().yaml().getBytes(StandardCharsets.UTF_8));
        for (CalibratedValue v : c.result().written()) {
            stdout.println(v.label() + ": " + v.value() + "  (" + v.provenance() + ")");
        }
        for (String k : c.result().kept()) {
            stdout.println(k + ": hand-written value kept (--overwrite to replace)");
        }
        stdout.println("wrote " + out + " (" + c.result().written().size() + " calibrated value(s) from "
                + c.run().calibration().filesRead() + " export file(s))");
        stdout.flush();
        return 0;
    }

    /** A calibration and the workload it makes. */
    record Calibrated(CalibrationRun run, CalibratedWorkloadWriter.Result result) {
    }

    /** What calibrate and advise --calibrate share: read, report problems, merge; input errors throw. */
    static Calibrated calibrate(List<Path> paths, Optional<JsonNode> base, boolean overwrite, boolean keepGoing,
                                PrintWriter err) throws IOException {
        CalibrationRun run = CalibrationRun.of(paths);
        for (Diagnostic d : run.definitions().diagnostics()) {
            if (d.severity() != dev.flowcost.core.Severity.INFO) {
                err.println(d.render());
            }
        }
        for (Diagnostic d : run.calibration().diagnostics()) {
            err.println(d.render());
        }
        long errors = run.calibration().diagnostics().stream().filter(Diagnostic::isError).count()
                + run.definitions().diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0 && !keepGoing) {
            throw new InputException(errors + " input error(s) above; fix them, or pass --keep-going");
        }
        if (run.calibration().filesRead() == 0) {
            throw new InputException("no record export (execution history, list-executions, describe-map-run, task "
                    + "instances, DAG runs) found in " + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (run.definitions().isEmpty()) {
            throw new InputException("no state machine definition or DAG given: give the files the records belong to");
        }
        String header = "workload calibrated by flowcost from " + run.calibration().filesRead() + " export file(s)\n"
                + "each calibrated key says where it came from; hand-written keys of the base workload win unless --overwrite";
        return new Calibrated(run, CalibratedWorkloadWriter.write(run.calibration().values(), base, overwrite, header));
    }

    /** The base workload as a tree, after the workload reader found no error in it. */
    static Optional<JsonNode> readBase(Path base, PrintWriter err) throws IOException {
        if (base == null) {
            return Optional.empty();
        }
        WorkloadReadResult r = new WorkloadReader().read(base);
        for (Diagnostic d : r.diagnostics()) {
            if (!d.isError()) {
                err.println(d.render());
            }
        }
        if (r.hasErrors() || r.workload().isEmpty()) {
            throw new InputException(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        byte[] bytes = Files.readAllBytes(base);
        return Optional.ofNullable(new YAMLMapper().readTree(bytes));
    }
}
