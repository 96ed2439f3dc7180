package dev.flowcost.report.csv;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.KeptCopies;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis as two RFC 4180 CSV files for spreadsheets and scripts: {@code findings.csv} (one finding a row) and
 * {@code costs.csv} (one cost item or free-tier credit a row). Text that a spreadsheet would run as a formula is
 * neutralised with a leading apostrophe; numbers are written plainly, as recorded.
 */
public final class CsvReport {

    public static final List<String> FINDING_COLUMNS = List.of("rule", "workflow", "targets", "title",
            "monthlyCostNow", "monthlyCostAfter", "monthlySaving", "confidence", "change");
    public static final List<String> COST_COLUMNS = List.of("owner", "ownerKind", "component", "unit",
            "quantityPerExecution", "quantityPerItem", "itemsKey", "executionsKey", "fixedMonthlyQuantity",
            "tierStart", "tierEnd", "monthlyQuantity", "priceKey", "unitPrice", "monthlyAmount");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvReport() {
    }

    /** Writes findings.csv, one finding a row, biggest saving first as the analysis ranks them. */
    public static void writeFindings(Analysis analysis, OutputStream out) throws IOException {
        try (CSVPrinter printer = printer(out)) {
            printer.printRecord(FINDING_COLUMNS);
            for (Finding f : KeptCopies.findings(analysis)) {
                printer.printRecord(text(f.rule()), text(f.workflow()), text(String.join(";", f.targets())),
                        text(f.title()), number(f.monthlyCostNow()), number(f.monthlyCostAfter()),
                        number(f.monthlySaving()), f.confidence().name(), text(f.change().summary()));
            }
        }
    }

    /**
     * Writes costs.csv: every cost item of every workflow and environment, then the free-tier credits (ownerKind
     * {@code credit}: tierEnd holds the free quantity, monthlyQuantity the used quantity, monthlyAmount the credit).
     */
    public static void writeCosts(Analysis analysis, OutputStream out) throws IOException {
        try (CSVPrinter printer = printer(out)) {
            printer.printRecord(COST_COLUMNS);
            for (WorkflowAnalysis w : KeptCopies.workflows(analysis)) {
                for (CostItem item : w.costItems()) {
                    printer.printRecord(item(w.name(), w.kind().label(), item));
                }
            }
            for (EnvironmentAnalysis e : analysis.environments()) {
                for (CostItem item : e.costItems()) {
                    printer.printRecord(item(e.name(), "environment", item));
                }
            }
            for (FreeTierCredit c : analysis.credits()) {
                printer.printRecord("", "credit", text(c.component()), "", "", "", "", "", "", "",
                        number(c.freeQuantity()), number(c.usedQuantity()), text(c.priceKey()),
                        number(c.unitPrice()), number(c.amount()));
            }
        }
    }

    /**
     * Neutralises text a spreadsheet would evaluate: a cell starting with {@code = + - @}, tab or carriage return
     * gets a leading apostrophe (OWASP's advice for CSV injection).
     */
    public static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    private static List<String> item(String owner, String ownerKind, CostItem i) {
        List<String> row = new ArrayList<>(COST_COLUMNS.size());
        row.add(text(owner));
        row.add(ownerKind);
        row.add(text(i.component()));
        row.add(text(i.unit()));
        row.add(number(i.quantityPerExecution()));
        row.add(number(i.quantityPerItem()));
        row.add(text(i.itemsKey()));
        row.add(text(i.executionsKey()));
        row.add(number(i.fixedMonthlyQuantity()));
        row.add(number(i.tierStart()));
        row.add(i.tierEnd().map(CsvReport::number).orElse(""));
        row.add(number(i.monthlyQuantity()));
        row.add(text(i.priceKey()));
        row.add(number(i.unitPrice()));
        row.add(number(i.monthlyAmount()));
        return row;
    }

    private static String number(BigDecimal value) {
        return value.toPlainString();
    }

    private static CSVPrinter printer(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        return new CSVPrinter(writer, FORMAT);
    }

    /** Lets the printer flush on close without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
