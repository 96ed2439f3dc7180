package dev.flowcost.cli;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.convert.ConversionNote;
import dev.flowcost.core.convert.ConversionResult;
import dev.flowcost.core.convert.DagToAslConverter;
import dev.flowcost.core.dag.Dag;
import dev.flowcost.core.workload.Workload;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost convert}: drafts a Step Functions state machine from an Airflow DAG. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        header = "Draft a Step Functions state machine from an Airflow DAG.",
        description = {"Draft an AWS Step Functions state machine (ASL) from an Airflow DAG: operators become service "
                + "integrations (Glue → glue:startJobRun.sync, Lambda → lambda:invoke, ECS → ecs:runTask.sync, ...), "
                + "retries become Retry, fan-out/fan-in becomes Parallel, .expand() becomes Map, branches become Choice. "
                + "Every task that could not be mapped faithfully carries a note in its Comment and on stderr.",
                "The draft is checked with flowcost's own ASL validation before it is written."},
        footer = {"", "Examples:", "  flowcost convert examples/etl_glue_s3.py",
                "  flowcost convert dags/etl.py --dag nightly_etl -o etl.asl.json",
                "  flowcost convert dags/etl.py --format yaml --workload workload.yaml",
                "", "Exit 0 ok, 2 usage error, 3 input error (no DAG in the file, a DAG with a cycle or another error, "
                        + "file cannot be written), 4 internal error."})
final class ConvertCommand implements Callable<Integer> {

    enum Syntax { json, yaml }

    @Parameters(index = "0", paramLabel = "DAG_FILE", description = "A DAG file in any format flowcost reads.")
    Path file;

    @Option(names = "--dag", paramLabel = "ID", description = "The DAG to convert when the file defines several. Example: --dag nightly_etl")
    String dagId;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the state machine here, whole or not at all (default: stdout). "
                    + "Example: -o etl.asl.json")
    Path output;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|yaml", description = "ASL syntax (default json). Example: --format yaml")
    Syntax format;

    @Mixin
    WorkloadOption workloadOption;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workload workload = workloadOption.load(err);
        Activity.set("reading " + file);
        Dag dag = DagSelection.select(file, dagId, true, err);
        Activity.set("converting " + dag.dagId());
        ConversionResult result = DagToAslConverter.convert(dag, OneWorkflow.tasksMatched(workload, dag, err));
        String text = format == Syntax.yaml ? result.toYaml() : result.toJson();
        AslReadResult check = new AslReader().read(dag.dagId() + (format == Syntax.yaml ? ".asl.yaml" : ".asl.json"),
                text.getBytes(StandardCharsets.UTF_8));
        for (Diagnostic d : check.diagnostics()) {
            err.println("draft " + d.render());
        }
        for (ConversionNote n : result.notes()) {
            err.println("note: " + (n.taskId().isEmpty() ? "" : n.taskId() + ": ") + n.message());
        }
        if (check.hasErrors()) {
            throw new IllegalStateException("the converted state machine for " + dag.dagId() + " does not validate");
        }
        Activity.set("writing the state machine");
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            FileProblems.write(output, text.getBytes(StandardCharsets.UTF_8));
            err.println("wrote " + output + " (" + result.machine().states().size() + " top-level states, "
                    + result.notes().size() + " note(s))");
        }
        return ExitCode.OK.code();
    }
}
