package dev.flowcost.cli;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.report.ReportFormat;
import dev.flowcost.report.ReportWriter;
import dev.flowcost.report.text.TextReport;
import java.awt.Desktop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost report}: the analysis as files a person opens and a machine reads. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write HTML, Excel, CSV and JSON reports of what the workflows cost and what to change.",
        description = {"Analyse the inputs as 'advise' does and write, atomically (no half-written file is ever left): "
                + "report.html (one self-contained page: summary, findings with their change, cost breakdowns, counts, "
                + "cost-vs-volume charts with break-even points, workflow graphs, assumptions, prices with sources), "
                + "report.xlsx (every cost cell a live formula over the Assumptions and Prices sheets), findings.csv, "
                + "costs.csv and analysis.json (for 'flowcost diff' in CI). Prints the summary on the terminal."},
        footer = {"", "Examples:", "  flowcost report examples/ -w examples/workload.yaml --out flowcost-report",
                "  flowcost report dags/ -w workload.yaml --out out --formats html,json",
                "  flowcost report machines/ --out out --open",
                "", "Exit 0 ok, 1 over --fail-over, 2 usage error, 3 input error (nothing is written; with --keep-going the reports "
                        + "of what could be read are written and the exit code is still 3), 4 internal error."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "State machine and DAG files, or directories.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the reports into (created if missing; files of the same name in it are "
                    + "replaced). Example: --out flowcost-report")
    Path out;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT", defaultValue = "html,xlsx,csv,json",
            description = "Which files to write: html, xlsx, csv, json (default: these four), and jsonl (analysis.jsonl: "
                    + "the analysis as JSON Lines, one record a line, for very large estates). Example: --formats html,json")
    List<String> formats;

    @Option(names = "--inline-details", paramLabel = "N", defaultValue = "50",
            description = "How many workflows (the costliest) have their details (costs, counts, graph) on report.html "
                    + "itself, and how many findings (the biggest savings) it shows whole; every other workflow gets a "
                    + "small page in a workflows/ folder beside it, linked from the page's table of all workflows "
                    + "(default: 50). Example: --inline-details 200")
    int inlineDetails;

    @Option(names = "--open", description = "Open report.html in the desktop's browser when done (where there is one). Example: --open")
    boolean open;

    @Option(names = "--bill", paramLabel = "FILE", description = "Cost and Usage Report file (.csv, .csv.gz, .parquet): "
            + "also write reconcile.csv and reconcile.json (modelled vs billed per month). Example: --bill cur.parquet")
    Path bill;

    @Mixin
    AnalysisOptions options;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Workflows, findings and diagnostics listed on the terminal after a report is written. */
    static final int TERMINAL_SHOWN = 50;

    @Override
    public Integer call() throws Exception {
        // each workflow's whole analysis waits on disk until the reports are written: memory holds what the totals
        // and rankings need, so a large estate is reported in flat memory
        try (dev.flowcost.report.store.AnalysisStore store = dev.flowcost.report.store.AnalysisStore.create()) {
            return call(store);
        }
    }

    private Integer call(dev.flowcost.report.store.AnalysisStore store) throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new InputException("cannot write the reports to " + out + ": it is a file, not a directory");
        }
        if (inlineDetails < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--inline-details must be 0 or more, not " + inlineDetails);
        }
        Set<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        boolean jsonLines = false;
        for (String f : formats) {
            if (f.trim().equalsIgnoreCase("jsonl")) {
                jsonLines = true;
                continue;
            }
            chosen.add(ReportFormat.parse(f.trim()).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "unknown report format '" + f + "' (choose from html, xlsx, csv, json, jsonl)")));
        }
        AnalysisRun.Outcome outcome = AnalysisRun.analyze(inputs, options.workload.load(err), options.prices.load(err),
                options.region, options.keepGoing, options.base.allowed(spec.commandLine()), err, store);
        // the slim analysis in memory has every cost item, total and finding summary the terminal and the bill need;
        // the stored one reads each workflow whole from disk for the files
        Analysis slim = outcome.analysis();
        Analysis analysis = store.stored(slim);
        // the bill is read before anything is written: a bad bill exits 3 with no file written, and the reconcile
        // files are staged and committed with the report files, all or nothing
        dev.flowcost.advisor.reconcile.Reconciliation rec = bill == null ? null
                : ReconcileCommand.reconcile(slim, bill);
        Map<String, ReportWriter.FileRenderer> extra = new LinkedHashMap<>();
        if (jsonLines) {
            extra.put("analysis.jsonl", dev.flowcost.report.json.AnalysisJson::writeLines);
        }
        if (rec != null) {
            byte[] csv = ReconcileCommand.csv(rec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] json = ReconcileCommand.json(rec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            extra.put("reconcile.csv", (a, o) -> o.write(csv));
            extra.put("reconcile.json", (a, o) -> o.write(json));
        }
        Activity.set("writing reports");
        List<Path> written = Progress.around(err, "writing reports", () -> {
            try {
                dev.flowcost.report.html.HtmlReport.Options html = new dev.flowcost.report.html.HtmlReport.Options(
                        inlineDetails);
                return ReportWriter.write(analysis, out, chosen, ReportWriter.standardRenderers(html), extra,
                        chosen.contains(ReportFormat.HTML) ? ReportWriter.pagesFolder(html) : Map.of());
            } catch (java.io.IOException e) {
                throw new InputException("cannot write the reports to " + out + ": " + FileProblems.about(out, e));
            }
        });
        // the files hold every workflow: the terminal gets the costliest and the biggest findings of a large estate
        stdout.print(TextReport.summary(slim, TERMINAL_SHOWN));
        stdout.println();
        if (rec != null) {
            stdout.println(ReconcileCommand.text(rec));
        }
        for (Path p : written) {
            stdout.println("wrote " + p);
        }
        stdout.flush();
        Path html = out.resolve("report.html");
        if (open && chosen.contains(ReportFormat.HTML)) {
            openInBrowser(html, err);
        }
        return outcome.exitCode(options.failOver, err);
    }

    private static void openInBrowser(Path html, PrintWriter err) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(html.toAbsolutePath().toUri());
                return;
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // fall through to the message below
        }
        err.println("flowcost: cannot open a browser here; open " + html.toAbsolutePath() + " yourself");
    }
}
