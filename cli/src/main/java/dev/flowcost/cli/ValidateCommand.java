package dev.flowcost.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import dev.flowcost.core.input.InputFiles;
import dev.flowcost.core.input.InputKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowcost validate}: checks state machine definitions against the Amazon States Language rules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check state machine definitions against the Amazon States Language rules.",
        description = {"Check Step Functions state machine definitions (ASL, JSON or YAML) against the Amazon States "
                + "Language rules: StartAt, every Next/Default/Catch target, terminal states, Choice rules, Retry and "
                + "Catch fields, Map and Parallel inner machines; every field by state type, query language and Map mode "
                + "(unknown or misspelt fields are errors, with a did-you-mean), state names up to 80 characters, "
                + "intrinsic functions, Credentials; unknown service integrations are warnings. Each finding names the "
                + "file, line:column and JSON Pointer.",
                "", "Exit 0 when no file has an error, 3 otherwise."},
        footer = {"", "Examples:", "  flowcost validate examples/orders-inline-map.asl.json",
                "  flowcost validate statemachines/ --format json"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "State machine files, or directories to search for them.")
    List<Path> files;

    @Mixin
    CommonOptions common;

    @Mixin
    BaseOption base;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<AslReadResult> results = read(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (common.format == OutputFormat.json) {
            out.println(Json.pretty(toJson(results)));
        } else {
            printText(results, out);
        }
        boolean errors = results.stream().anyMatch(AslReadResult::hasErrors);
        return errors ? ExitCode.INPUT.code() : ExitCode.OK.code();
    }

    private List<AslReadResult> read(PrintWriter err) throws java.io.IOException {
        AslReader reader = new AslReader(base.allowed(spec.commandLine()));
        Activity.set("reading the state machine definitions");
        List<AslReadResult> results = new ArrayList<>();
        for (InputFiles.InputFile f : InputFiles.expand(files)) {
            if (f.explicit() && (f.kind() == InputKind.DAG || f.kind() == InputKind.WORKLOAD)) {
                err.println(f.path() + ": skipped: " + (f.kind() == InputKind.DAG
                        ? "an Airflow DAG, not a state machine (see it with 'flowcost inspect')"
                        : "a workload file, not a state machine (give it to other commands with --workload)"));
            } else if (f.explicit() || f.kind() == InputKind.STATE_MACHINE) {
                results.add(reader.read(f.path()));
            }
        }
        if (results.isEmpty()) {
            throw new InputException("no state machine definitions found in " + files.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return results;
    }

    private static void printText(List<AslReadResult> results, PrintWriter out) {
        int errors = 0;
        int warnings = 0;
        for (AslReadResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                out.println(d.render());
                errors += d.isError() ? 1 : 0;
                warnings += d.severity() == dev.flowcost.core.Severity.WARNING ? 1 : 0;
            }
            if (!r.hasErrors()) {
                out.println(r.file() + ": valid");
            }
        }
        out.printf("%d file(s), %d error(s), %d warning(s)%n", results.size(), errors, warnings);
    }

    private static ObjectNode toJson(List<AslReadResult> results) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("files");
        for (AslReadResult r : results) {
            ObjectNode f = arr.addObject();
            f.put("file", r.file());
            f.put("valid", !r.hasErrors());
            f.set("diagnostics", dev.flowcost.report.json.DiagnosticJson.array(r.diagnostics()));
        }
        return root;
    }
}
