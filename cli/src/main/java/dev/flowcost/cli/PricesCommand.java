package dev.flowcost.cli;

import dev.flowcost.advisor.price.AwsPriceListImporter;
import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceBookWriter;
import dev.flowcost.advisor.price.PriceRow;
import dev.flowcost.core.Diagnostic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowcost prices}: shows the price book in use, or imports an AWS Price List offer file. */
@Command(name = "prices", mixinStandardHelpOptions = true,
        header = "Show the price book in use, or import an AWS Price List offer file.",
        description = {"Print the price book flowcost uses (bundled list prices, with --prices overrides), each row with "
                + "its source and effective date; or, with --import, turn an AWS Price List bulk CSV offer file "
                + "(AmazonStates, AmazonMWAA, AWSLambda) into a flowcost price book."},
        footer = {"", "Examples:", "  flowcost prices --region eu-west-1",
                "  flowcost prices --import AmazonStates.csv -o states-prices.csv",
                "  flowcost prices --prices my-discounts.csv --region us-east-1 --format csv",
                "", "Exit 0 ok, 2 usage error, 3 input error (unknown region, bad CSV, file cannot be written)."})
final class PricesCommand implements Callable<Integer> {

    enum Format { text, csv }

    @Option(names = "--region", paramLabel = "R", description = "Only this region's rows. Example: --region us-east-1")
    String region;

    @Option(names = "--import", paramLabel = "FILE", description = "An AWS Price List bulk CSV offer file to convert. Example: --import AmazonStates.csv")
    Path importFile;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the price book CSV here, whole or not at all (default: stdout). "
                    + "Example: -o prices.csv")
    Path output;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv",
            description = "A table for people (text, default) or the flowcost price book CSV. Example: --format csv")
    Format format;

    @Mixin
    PricesOption pricesOption;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<PriceRow> rows;
        if (importFile != null) {
            AwsPriceListImporter.ImportResult r = AwsPriceListImporter.importOffer(importFile);
            r.diagnostics().stream().filter(d -> !d.isError()).forEach(d -> err.println(d.render()));
            if (!r.ok()) {
                throw new InputException(r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render)
                        .collect(Collectors.joining(System.lineSeparator())));
            }
            err.printf("imported %d row(s) from offer %s, skipped %d row(s) flowcost does not model%n", r.rows().size(),
                    r.offerCode(), r.skippedRows());
            rows = r.rows();
        } else {
            PriceBook book = pricesOption.load(err);
            if (region != null && !book.regions().contains(region)) {
                throw new InputException("no prices for region '" + region + "' (known: " + String.join(", ", book.regions()) + ")");
            }
            rows = book.rows();
        }
        if (region != null) {
            rows = rows.stream().filter(r -> r.region().equals(region)).toList();
        }
        String text = importFile != null || format == Format.csv || output != null ? csv(rows) : table(rows);
        if (output != null) {
            FileProblems.write(output, text.getBytes(StandardCharsets.UTF_8));
            err.println("wrote " + rows.size() + " row(s) to " + output);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
    }

    private static String csv(List<PriceRow> rows) throws java.io.IOException {
        StringWriter w = new StringWriter();
        PriceBookWriter.write(rows, w);
        return w.toString();
    }

    private static String table(List<PriceRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-15s %-22s %-28s %-18s %16s %-22s %-10s %s%n", "region", "service",
                "dimension", "unit", "price (USD)", "tier", "effective", "source"));
        for (PriceRow r : rows) {
            String tier = r.tiered() ? r.tierStart().toPlainString() + "–" + r.tierEnd().map(java.math.BigDecimal::toPlainString).orElse("∞") : "";
            b.append(String.format(Locale.ROOT, "%-15s %-22s %-28s %-18s %16s %-22s %-10s %s%n", r.region(), r.service(),
                    r.dimension(), r.unit(), r.price().toPlainString(), tier, r.effectiveDate(), r.source()));
        }
        return b.toString();
    }
}
