package dev.flowcost.cli;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.diff.AnalysisDiff;
import dev.flowcost.report.diff.DiffResult;
import dev.flowcost.report.Money;
import dev.flowcost.report.json.AnalysisJson;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost diff}: the monthly cost change between two analyses, for a pull request. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "Monthly cost change between two analyses; a budget gate for CI.",
        description = {"Compare two analyses (analysis.json from 'flowcost report' or 'flowcost advise --format json') and "
                + "print the monthly cost change per workflow and in total. With --fail-over, exit 1 when the total "
                + "monthly increase is more than the amount — a budget gate for CI."},
        footer = {"", "Examples:", "  flowcost diff main/analysis.json pr/analysis.json",
                "  flowcost diff before.json after.json --fail-over 50 --format json",
                "  flowcost diff main.json pr.json --fail-over 50 --format markdown > comment.md",
                "", "Exit 0 ok, 1 over --fail-over, 2 usage error, 3 input error (a file that is not an analysis)."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE.json", description = "The analysis before the change.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", description = "The analysis after the change.")
    Path after;

    @Option(names = "--fail-over", paramLabel = "USD", converter = UsdAmount.class,
            description = "Exit 1 when the total monthly cost rises by more than this many US dollars. "
                    + "Example: --fail-over 50")
    BigDecimal failOver;

    /** What {@code diff} can print: the common text and JSON, and a pull-request comment. */
    enum DiffFormat { text, json, markdown }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown",
            description = "text (for people, the default), json (for machines: amounts to 6 decimals) or markdown (a "
                    + "pull-request comment: budget verdict first, changed workflows only, each broken down by billed "
                    + "component, money in cents). Example: --format markdown")
    DiffFormat format = DiffFormat.text;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (failOver != null && failOver.signum() < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--fail-over must not be negative");
        }
        DiffResult diff = AnalysisDiff.diff(read(before), read(after));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == DiffFormat.json ? diff.toJson()
                : format == DiffFormat.markdown ? diff.toMarkdown(failOver) : diff.toText());
        out.flush();
        if (failOver != null && diff.exceeds(failOver)) {
            spec.commandLine().getErr().println("flowcost: monthly cost rises by " + Money.usd(diff.totalChange())
                    + ", over the budget of " + Money.usd(failOver));
            return ExitCode.OVER_BUDGET.code();
        }
        return ExitCode.OK.code();
    }

    private static Analysis read(Path file) {
        AnalysisJson.Parsed parsed = AnalysisJson.parse(FileProblems.readText(file));
        return parsed.analysis().orElseThrow(() -> new InputException(file + ": not a flowcost analysis: "
                + parsed.problem().orElse("unreadable")));
    }
}
