package dev.flowcost.cli;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.rule.RuleDocs;
import dev.flowcost.advisor.rule.Rules;
import dev.flowcost.report.infracost.InfracostUsage;
import dev.flowcost.report.json.AnalysisJson;
import dev.flowcost.report.text.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code flowcost advise}: what each workflow costs a month and what to change, biggest saving first. */
@Command(name = "advise", mixinStandardHelpOptions = true, modelTransformer = AdviseCommand.RuleList.class,
        header = "Monthly cost of every workflow and environment, and what to change, biggest saving first.",
        description = {"Price every state machine and DAG found (Step Functions Standard/Express, Distributed Map children, "
                + "Lambda, MWAA environments and each DAG's share), weigh MWAA vs Step Functions vs MWAA Serverless per "
                + "DAG, and apply the rules listed below. Each finding gives the monthly cost now and after, the saving, "
                + "the assumptions, the blockers and the concrete change.",
                "", "Exit 0 ok, 1 over --fail-over, 2 usage error, 3 input error (also with --keep-going when an input was left out), 4 internal error."},
        footer = {"", "Examples:", "  flowcost advise examples/ --workload examples/workload.yaml",
                "  flowcost advise machines/ dags/ -w workload.yaml --region eu-west-1",
                "  flowcost advise examples/ --format json > analysis.json",
                "  flowcost advise plan.json --format infracost-usage > infracost-usage.yml",
                "  flowcost advise orders.asl.json --prices my-discounts.csv --fail-over 500"})
final class AdviseCommand implements Callable<Integer> {

    /**
     * Adds the rule list, generated from the rules' metadata ({@link RuleDocs#helpLines}), after the first paragraph
     * of the description, so {@code --help} lists exactly the rules {@code advise} applies.
     */
    static final class RuleList implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
            List<String> rules = new ArrayList<>();
            rules.add("");
            // picocli formats description lines: a '%' in a title must not read as a format specifier
            RuleDocs.helpLines(Rules.infos()).forEach(l -> rules.add(l.replace("%", "%%")));
            lines.addAll(Math.min(1, lines.size()), rules);
            spec.usageMessage().description(lines.toArray(new String[0]));
            return spec;
        }
    }

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "State machine and DAG files, or directories.")
    List<Path> inputs;

    @Mixin
    AnalysisOptions options;

    /** What {@code advise} can print: for people, for machines, and for Infracost. */
    enum AdviseFormat {
        text, json, infracost_usage, sarif;

        /** Accepts the names as written on the command line ({@code infracost-usage}). */
        static final class Converter implements picocli.CommandLine.ITypeConverter<AdviseFormat> {
            @Override
            public AdviseFormat convert(String value) {
                for (AdviseFormat f : values()) {
                    if (f.label().equals(value)) {
                        return f;
                    }
                }
                throw new picocli.CommandLine.TypeConversionException("expected one of text, json, infracost-usage, sarif"
                        + " but was '" + value + "'");
            }
        }

        String label() {
            return name().replace('_', '-');
        }
    }

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "text|json|infracost-usage|sarif",
            converter = AdviseFormat.Converter.class,
            description = "Output for people (text, the default), for machines (json: stdout is then only JSON, warnings"
                    + " go to stderr), or infracost-usage: an Infracost usage file with the transitions (Standard) or "
                    + "requests and duration (Express) flowcost derived for each aws_sfn_state_machine read from "
                    + "'terraform show -json', keyed by Terraform address; or sarif: SARIF 2.1.0 for code scanning, each finding a result at the line of "
                    + "the state or task it targets. Example: --format sarif")
    AdviseFormat format = AdviseFormat.text;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Option(names = "--calibrate", arity = "1..*", paramLabel = "EXPORT",
            description = "Calibrate the workload from record exports (execution histories, list-executions, "
                    + "describe-map-run, Airflow task instances and DAG runs) before advising; hand-written --workload "
                    + "keys win. Example: --calibrate histories/ ti.json")
    List<Path> calibrate;

    @picocli.CommandLine.Option(names = "--bill", paramLabel = "FILE",
            description = "Cost and Usage Report file (.csv, .csv.gz, .parquet): add modelled vs billed per month. "
                    + "Example: --bill cur.parquet")
    Path bill;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        dev.flowcost.core.workload.Workload workload;
        List<dev.flowcost.core.calibrate.CalibratedValue> calibrated = List.of();
        if (calibrate != null && !calibrate.isEmpty()) {
            List<Path> all = new java.util.ArrayList<>(inputs);
            all.addAll(calibrate);
            CalibrateCommand.Calibrated c = CalibrateCommand.calibrate(all, CalibrateCommand.readBase(
                    options.workload.workload, err), false, options.keepGoing, err);
            dev.flowcost.core.workload.WorkloadReadResult r = new dev.flowcost.core.workload.WorkloadReader().read(
                    "(calibrated workload)", c.result().yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            workload = r.workload().orElseThrow(() -> new InputException("the calibrated workload is not valid: "
                    + r.diagnostics()));
            calibrated = c.result().written();
            java.util.Map<String, String> fromData = new java.util.LinkedHashMap<>();
            calibrated.forEach(v -> fromData.put(v.label(), v.provenance()));
            workload = workload.withCalibration(fromData); // every number from data says so where it is shown
        } else {
            workload = options.workload.load(err);
        }
        // as in report: each workflow's whole analysis waits on disk, memory holds the slim copies the text needs
        try (dev.flowcost.report.store.AnalysisStore store = dev.flowcost.report.store.AnalysisStore.create()) {
            return advise(inputs, workload, calibrated, store, out, err);
        }
    }

    private Integer advise(List<Path> inputs, dev.flowcost.core.workload.Workload workload,
                           List<dev.flowcost.core.calibrate.CalibratedValue> calibrated,
                           dev.flowcost.report.store.AnalysisStore store, PrintWriter out, PrintWriter err)
            throws Exception {
        AnalysisRun.Outcome outcome = AnalysisRun.analyze(inputs, workload, options.prices.load(err),
                options.region, options.keepGoing, options.base.allowed(spec.commandLine()), err, store);
        Analysis slim = outcome.analysis();
        Analysis analysis = store.stored(slim);
        StringBuilder extra = new StringBuilder();
        if (!calibrated.isEmpty()) {
            extra.append("\nCalibrated from data (").append(calibrated.size()).append(" value(s)):\n");
            for (dev.flowcost.core.calibrate.CalibratedValue v : calibrated) {
                extra.append("  ").append(v.label()).append(" = ").append(v.value()).append("  (").append(v.provenance())
                        .append(")\n");
            }
        }
        if (bill != null) {
            extra.append('\n').append(ReconcileCommand.text(ReconcileCommand.reconcile(slim, bill)));
        }
        if (format == AdviseFormat.text) {
            out.print(TextReport.render(slim));
            out.print(extra);
        } else {
            if (format == AdviseFormat.json) {
                AnalysisJson.write(analysis, out); // streamed: a large estate's JSON is never one string
                out.println();
            } else {
                out.print(format == AdviseFormat.sarif ? dev.flowcost.report.sarif.SarifReport.render(analysis,
                            new FlowcostCommand.Version().getVersion()[0].replace("flowcost ", ""), Path.of(""))
                        : InfracostUsage.render(analysis));
            }
            err.print(extra);
        }
        out.flush();
        return outcome.exitCode(options.failOver, err);
    }
}
