package dev.flowcost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.reconcile.BillLine;
import dev.flowcost.advisor.reconcile.CurReader;
import dev.flowcost.advisor.reconcile.Reconciliation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowcost reconcile}: the model's monthly cost against the Cost and Usage Report. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        header = "Compare modelled cost with the bill (AWS Cost and Usage Report 2.0), per workflow, environment and month.",
        description = {"Analyse the inputs as 'advise' does, read the bill (CUR 2.0 / Data Exports: CSV, gzip CSV or "
                + "Parquet) and show, per month, each state machine's Step Functions cost (lines whose "
                + "line_item_resource_id is its ARN) and each MWAA environment's cost, modelled vs billed, and the gap in "
                + "percent. Lines without a resource id are compared with the account-wide model; lines the model does not "
                + "explain are listed.", "", "Exit 0 ok, 2 usage error, 3 input error."},
        footer = {"", "Examples:", "  flowcost reconcile machines/ dags/ -w workload.yaml --bill cur-2026-10.parquet",
                "  flowcost reconcile machines/ --bill cur.csv.gz --format csv > reconcile.csv"})
final class ReconcileCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "State machine and DAG files, or directories.")
    List<Path> inputs;

    @Option(names = "--bill", required = true, paramLabel = "FILE",
            description = "Cost and Usage Report file (.csv, .csv.gz, .parquet). Example: --bill cur.parquet")
    Path bill;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|csv",
            description = "text (default), json or csv. Example: --format json")
    String format;

    @Mixin
    AnalysisOptions options;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format
                    + "' (choose from text, json, csv)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisRun.Outcome outcome = AnalysisRun.analyze(inputs, options.workload.load(err), options.prices.load(err),
                options.region, options.keepGoing, options.base.allowed(spec.commandLine()), err);
        Analysis analysis = outcome.analysis();
        Reconciliation r = reconcile(analysis, bill);
        for (String w : r.warnings()) {
            err.println(bill + ": warning: " + w);
        }
        out.print(format.equals("json") ? json(r) : format.equals("csv") ? csv(r) : text(r));
        out.flush();
        return outcome.exitCode(null, err);
    }

    static Reconciliation reconcile(Analysis analysis, Path bill) {
        List<BillLine> lines;
        try {
            lines = CurReader.read(bill);
        } catch (java.nio.file.FileSystemException e) {
            throw new InputException(FileProblems.describe(e));
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        }
        return Reconciliation.of(analysis, lines);
    }

    static String text(Reconciliation r) {
        StringBuilder b = new StringBuilder("Modelled vs billed (USD a month)\n");
        b.append(String.format("%-8s %-14s %-50s %12s %12s %8s%n", "month", "kind", "name", "modelled", "billed", "gap"));
        for (Reconciliation.Row row : r.rows()) {
            b.append(String.format("%-8s %-14s %-50s %12s %12s %8s%n", row.month(), row.kind(), row.name(),
                    row.modelled().toPlainString(), row.billed().toPlainString(),
                    row.gapPercent().map(g -> g.toPlainString() + " %").orElse("-")));
        }
        if (!r.unexplained().isEmpty()) {
            b.append("\nNot explained by the model (listed, not hidden):\n");
            for (BillLine l : r.unexplained()) {
                b.append(String.format("  %s %s %s %s: $%s (%d line(s))%n", l.month(), l.productCode(), l.usageType(),
                        l.resourceId().isEmpty() ? "(no resource id)" : l.resourceId(), money(l.cost()), l.rows()));
            }
        }
        if (!r.otherProducts().isEmpty()) {
            b.append("\nOther products in the bill (not modelled by flowcost):\n");
            for (Map.Entry<String, BigDecimal> e : r.otherProducts().entrySet()) {
                b.append("  ").append(e.getKey()).append(": $").append(money(e.getValue())).append('\n');
            }
        }
        if (!r.warnings().isEmpty()) {
            b.append("\nWarnings about the bill:\n");
            for (String w : r.warnings()) {
                b.append("  ").append(w).append('\n');
            }
        }
        return b.toString();
    }

    static String json(Reconciliation r) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode rows = root.putArray("rows");
        for (Reconciliation.Row row : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("month", row.month());
            o.put("kind", row.kind());
            o.put("name", row.name());
            o.put("modelledUsd", row.modelled());
            o.put("billedUsd", row.billed());
            if (row.gapPercent().isPresent()) {
                o.put("gapPercent", row.gapPercent().get());
            } else {
                o.putNull("gapPercent");
            }
        }
        ArrayNode un = root.putArray("unexplained");
        for (BillLine l : r.unexplained()) {
            ObjectNode o = un.addObject();
            o.put("month", l.month());
            o.put("productCode", l.productCode());
            o.put("usageType", l.usageType());
            o.put("operation", l.operation());
            o.put("resourceId", l.resourceId());
            o.put("costUsd", l.cost());
            o.put("lineItems", l.rows());
        }
        ObjectNode other = root.putObject("otherProducts");
        r.otherProducts().forEach(other::put);
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static String csv(Reconciliation r) throws IOException {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, CSVFormat.DEFAULT)) {
            p.printRecord("month", "kind", "name", "modelled_usd", "billed_usd", "gap_percent");
            for (Reconciliation.Row row : r.rows()) {
                p.printRecord(row.month(), row.kind(), neutral(row.name()), row.modelled().toPlainString(),
                        row.billed().toPlainString(), row.gapPercent().map(BigDecimal::toPlainString).orElse(""));
            }
            for (BillLine l : r.unexplained()) {
                p.printRecord(l.month(), "unexplained", neutral(l.productCode() + " " + l.usageType() + " "
                        + l.resourceId()).trim(), "", money(l.cost()), "");
            }
        }
        return b.toString();
    }

    /** A cell a spreadsheet shows as text, never runs as a formula. */
    private static String neutral(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String money(BigDecimal b) {
        return b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
