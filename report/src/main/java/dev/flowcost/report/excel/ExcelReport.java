package dev.flowcost.report.excel;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Assumption;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.PriceUsed;
import dev.flowcost.advisor.analysis.StepCount;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.KeptCopies;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysis as an Excel workbook whose every cost cell is a formula over the Assumptions and Prices sheets, so a
 * user who changes executions per month, an item count or a price sees every sheet follow. Streams rows (SXSSF), so
 * memory stays flat however many workflows there are. It computes nothing itself: the formulas are
 * {@link CostItem}'s and {@link FreeTierCredit}'s, evaluated by the spreadsheet.
 */
public final class ExcelReport {

    /** Sheet names, in workbook order. */
    public static final String SUMMARY = "Summary";
    public static final String FINDINGS = "Findings";
    public static final String WORKFLOWS = "Workflows";
    public static final String CREDITS = "Credits";
    public static final String FINDING_ITEMS = "Finding items";
    public static final String ALTERNATIVES = "Alternatives";
    public static final String COUNTS = "Counts";
    public static final String ASSUMPTIONS = "Assumptions";
    public static final String PRICES = "Prices";
    public static final String ENVIRONMENT_PLANS = "Environment plans";

    /** Column of the first item column on item sheets (after two owner columns). */
    public static final int ITEM_BASE = 2;
    /** Offsets of item columns from {@link #ITEM_BASE}. */
    public static final int C_COMPONENT = 0, C_UNIT = 1, C_PER_EXECUTION = 2, C_PER_ITEM = 3, C_ITEMS_KEY = 4,
            C_ITEMS = 5, C_EXECUTIONS_KEY = 6, C_EXECUTIONS = 7, C_FIXED = 8, C_TIER_START = 9, C_TIER_END = 10,
            C_PRICE_KEY = 11, C_UNIT_PRICE = 12, C_QUANTITY = 13, C_AMOUNT = 14;
    private static final String[] ITEM_HEADERS = {"Component", "Unit", "Quantity / execution", "Quantity / item",
            "Items key", "Items", "Executions key", "Executions / month", "Fixed monthly quantity", "Tier start",
            "Tier end", "Price key", "Unit price (USD)", "Monthly quantity", "Monthly amount (USD)"};

    /** Columns of the Assumptions and Prices values. */
    public static final int ASSUMPTION_VALUE = 2, PRICE_VALUE = 5;

    private ExcelReport() {
    }

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(Analysis analysis, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            new Writer(analysis, workbook).write();
            // every formula carries its value too (viewers that never recalculate show it); Excel recalculates anyway
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /**
     * Rows written for a list of items: 1-based first and last row, or empty when there were none, and the sum of
     * the recorded amounts there (the value the spreadsheet's SUM over the span gives, stored beside the formula).
     */
    private record Span(int first, int last, BigDecimal total) {
        Span(int first, int last) {
            this(first, last, BigDecimal.ZERO);
        }

        boolean isEmpty() {
            return last < first;
        }

        String sum(SheetWriter sheet, int column) {
            return isEmpty() ? "0" : "SUM(" + sheet.range(column, first, last) + ")";
        }
    }

    /** One pass over the analysis; sheets are created in order and then filled in the order references need. */
    private static final class Writer {
        private final Analysis a;
        private final SXSSFWorkbook wb;
        private final CellStyle header;
        private final CellStyle money;
        private final CellStyle price;
        private final CellStyle integer;
        private final CellStyle decimal;
        private final Map<String, Integer> assumptionRow = new HashMap<>();
        private final Map<String, Integer> priceRow = new HashMap<>();
        private final Map<String, BigDecimal> assumptionValue = new HashMap<>();
        private final Map<String, BigDecimal> priceValue = new HashMap<>();
        private final SheetWriter summary;
        private final SheetWriter findings;
        private final SheetWriter workflows;
        private final SheetWriter credits;
        private final SheetWriter findingItems;
        private final SheetWriter alternatives;
        private final SheetWriter counts;
        private final SheetWriter assumptions;
        private final SheetWriter prices;
        private final SheetWriter environmentPlans;

        Writer(Analysis a, SXSSFWorkbook wb) {
            this.a = a;
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            money = format("$#,##0.00");
            price = format("$#,##0.00########");
            integer = format("#,##0");
            decimal = format("#,##0.00");
            summary = sheet(SUMMARY);
            findings = sheet(FINDINGS);
            workflows = sheet(WORKFLOWS);
            credits = sheet(CREDITS);
            findingItems = sheet(FINDING_ITEMS);
            alternatives = sheet(ALTERNATIVES);
            counts = sheet(COUNTS);
            assumptions = sheet(ASSUMPTIONS);
            prices = sheet(PRICES);
            environmentPlans = a.environments().stream().anyMatch(e -> !e.plans().isEmpty())
                    ? sheet(ENVIRONMENT_PLANS) : null;
        }

        private SheetWriter sheet(String name) {
            return new SheetWriter(wb.createSheet(name));
        }

        private CellStyle format(String pattern) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(pattern));
            return style;
        }

        void write() {
            writeAssumptions();
            writePrices();
            List<Span> workflowSpans = new ArrayList<>();
            List<Span> environmentSpans = new ArrayList<>();
            Span allItems = writeWorkflows(workflowSpans, environmentSpans);
            Span[] creditRows = writeCredits(allItems);
            List<Span[]> findingSpans = writeFindingItems();
            Span findingRows = writeFindings(findingSpans);
            writeAlternativesAndCounts();
            if (environmentPlans != null) {
                a.environments().stream().flatMap(e -> e.conditions().stream()).findFirst().ifPresent(c ->
                        EnvironmentPlansSheet.write(environmentPlans, a, header, money, price, decimal,
                                c.hourlyRate().doubleValue(), c.horizonMonths().doubleValue()));
            }
            writeSummary(workflowSpans, environmentSpans, creditRows, findingRows, findingSpans);
        }

        private void writeAssumptions() {
            SheetWriter s = assumptions;
            s.header(header, "Key", "Description", "Value", "Unit", "Source");
            for (Assumption x : a.assumptions()) {
                int r = s.newRow();
                assumptionRow.putIfAbsent(x.key(), r);
                assumptionValue.putIfAbsent(x.key(), x.value());
                s.text(0, x.key());
                s.text(1, x.description());
                s.number(ASSUMPTION_VALUE, x.value(), quantityStyle(x.value()));
                s.text(3, x.unit());
                s.text(4, x.source());
            }
            s.finish(1, 5);
        }

        private void writePrices() {
            SheetWriter s = prices;
            s.header(header, "Key", "Region", "Service", "Dimension", "Unit", "Price (USD)", "Effective", "Source",
                    "Overridden");
            for (PriceUsed p : a.prices()) {
                int r = s.newRow();
                priceRow.putIfAbsent(p.key(), r);
                priceValue.putIfAbsent(p.key(), p.price());
                s.text(0, p.key());
                s.text(1, p.region());
                s.text(2, p.service());
                s.text(3, p.dimension());
                s.text(4, p.unit());
                s.number(PRICE_VALUE, p.price(), price);
                s.text(6, p.effective());
                s.text(7, p.source());
                s.text(8, p.overridden() ? "overridden" : "");
            }
            s.finish(1, 9);
        }

        private Span writeWorkflows(List<Span> workflowSpans, List<Span> environmentSpans) {
            SheetWriter s = workflows;
            itemHeader(s, "Owner", "Owner kind");
            int first = s.rowNumber() + 1;
            for (WorkflowAnalysis w : KeptCopies.workflows(a)) {
                workflowSpans.add(items(s, w.name(), w.kind().label(), w.costItems()));
            }
            for (EnvironmentAnalysis e : a.environments()) {
                environmentSpans.add(items(s, e.name(), "environment", e.costItems()));
            }
            s.finish(1, ITEM_BASE + ITEM_HEADERS.length);
            return new Span(first, s.rowNumber());
        }

        /** The free tiers now (live from the items) and after the changes (as the advisor credited them); spans of both. */
        private Span[] writeCredits(Span items) {
            SheetWriter s = credits;
            s.header(header, "Component", "Price key", "Free quantity", "Unit price (USD)", "Used quantity",
                    "Amount (USD)");
            int first = s.rowNumber() + 1;
            for (FreeTierCredit c : a.credits()) {
                s.newRow();
                s.text(0, c.component());
                s.text(1, c.priceKey());
                s.number(2, c.freeQuantity(), quantityStyle(c.freeQuantity()));
                priceCell(s, 3, c.priceKey(), c.unitPrice());
                String used = items.isEmpty() ? "0" : "SUMIF(" + workflows.range(ITEM_BASE + C_PRICE_KEY, items.first,
                        items.last) + "," + s.here(1) + "," + workflows.range(ITEM_BASE + C_QUANTITY, items.first,
                        items.last) + ")";
                s.formula(4, "MIN(" + s.here(2) + "," + used + ")", decimal, c.usedQuantity());
                s.formula(5, "-" + s.here(4) + "*" + s.here(3), money, c.amount());
            }
            Span now = new Span(first, s.rowNumber(), sum(a.credits()));
            s.skipRow();
            s.header(header, "After the changes", "Price key", "Free quantity", "Unit price (USD)",
                    "Used quantity (recorded)", "Amount (USD)");
            int firstAfter = s.rowNumber() + 1;
            for (FreeTierCredit c : a.totals().creditsAfter()) {
                s.newRow();
                s.text(0, c.component());
                s.text(1, c.priceKey());
                s.number(2, c.freeQuantity(), quantityStyle(c.freeQuantity()));
                priceCell(s, 3, c.priceKey(), c.unitPrice());
                s.number(4, c.usedQuantity(), quantityStyle(c.usedQuantity()));
                s.formula(5, "-MIN(" + s.here(2) + "," + s.here(4) + ")*" + s.here(3), money, c.amount());
            }
            Span after = new Span(firstAfter, s.rowNumber(), sum(a.totals().creditsAfter()));
            s.finish(1, 6);
            return new Span[]{now, after};
        }

        private static BigDecimal sum(List<FreeTierCredit> credits) {
            return credits.stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Per finding, the spans of its items now and after on the Finding items sheet. */
        private List<Span[]> writeFindingItems() {
            SheetWriter s = findingItems;
            itemHeader(s, "Finding", "Phase");
            List<Span[]> spans = new ArrayList<>();
            int n = 1;
            for (Finding f : KeptCopies.findings(a)) {
                String id = "#" + n++ + " " + f.rule();
                spans.add(new Span[]{items(s, id, "now", f.itemsNow()), items(s, id, "after", f.itemsAfter())});
            }
            s.finish(1, ITEM_BASE + ITEM_HEADERS.length);
            return spans;
        }

        private Span writeFindings(List<Span[]> spans) {
            SheetWriter s = findings;
            s.header(header, "#", "Rule", "Workflow", "Targets", "Title", "Confidence", "Monthly cost now (USD)",
                    "Monthly cost after (USD)", "Monthly saving (USD)", "Counted in total", "Change");
            int first = s.rowNumber() + 1;
            Set<Integer> counted = Set.copyOf(a.totals().countedFindings());
            int amount = ITEM_BASE + C_AMOUNT;
            List<Finding> kept = KeptCopies.findings(a);
            for (int i = 0; i < kept.size(); i++) {
                Finding f = kept.get(i);
                s.newRow();
                s.number(0, i + 1, integer);
                s.text(1, f.rule());
                s.text(2, f.workflow());
                s.text(3, String.join(", ", f.targets()));
                s.text(4, f.title());
                s.text(5, f.confidence().name());
                Span now = spans.get(i)[0];
                Span after = spans.get(i)[1];
                s.formula(6, now.sum(findingItems, amount), money, now.total());
                s.formula(7, after.sum(findingItems, amount), money, after.total());
                s.formula(8, s.here(6) + "-" + s.here(7), money, now.total().subtract(after.total()));
                s.number(9, counted.contains(i) ? 1 : 0, integer);
                s.text(10, f.change().summary());
            }
            s.finish(1, 11);
            return new Span(first, s.rowNumber());
        }

        /**
         * The Alternatives and Counts sheets, in one walk over the workflows: the only passes that need each workflow
         * whole, so a large estate's are read back from disk once for both.
         */
        private void writeAlternativesAndCounts() {
            itemHeader(alternatives, "Workflow", "Platform");
            SheetWriter s = counts;
            s.header(header, "Workflow", "State or task", "Type", "Entries / execution", "Transitions / execution",
                    "Executions / month", "Entries / month", "Transitions / month");
            for (WorkflowAnalysis w : a.workflows()) {
                for (Alternative alt : w.alternatives()) {
                    items(alternatives, w.name(), alt.platform(), alt.costItems());
                }
                for (StepCount step : w.steps()) {
                    s.newRow();
                    s.text(0, w.name());
                    s.text(1, step.path());
                    s.text(2, step.type());
                    s.number(3, step.entries(), decimal);
                    s.number(4, step.transitions(), decimal);
                    executionsCell(s, 5, w.executionsKey(), w.executionsPerMonth());
                    double executions = executionsValue(w.executionsKey(), w.executionsPerMonth()).doubleValue();
                    s.formula(6, s.here(3) + "*" + s.here(5), decimal, step.entries() * executions);
                    s.formula(7, s.here(4) + "*" + s.here(5), decimal, step.transitions() * executions);
                }
            }
            alternatives.finish(1, ITEM_BASE + ITEM_HEADERS.length);
            s.finish(1, 8);
        }

        private void writeSummary(List<Span> workflowSpans, List<Span> environmentSpans, Span[] creditRows,
                                  Span findingRows, List<Span[]> findingSpans) {
            SheetWriter s = summary;
            s.newRow();
            s.text(0, "Region").setCellStyle(header);
            s.text(1, a.region());
            int nowRow = s.newRow();
            s.text(0, "Monthly cost now (USD)").setCellStyle(header);
            int afterRow = nowRow + 1;
            int savingRow = nowRow + 2;
            int firstWorkflow = savingRow + 3;
            int lastWorkflow = firstWorkflow + a.workflows().size() - 1;
            int firstEnvironment = lastWorkflow + 3;
            int lastEnvironment = firstEnvironment + a.environments().size() - 1;
            // a DAG's cost is its share of its environment, already in the environment's total: count state machines only
            String workflowSum = a.workflows().isEmpty() ? "0"
                    : "SUMIF(" + SheetWriter.local(1, firstWorkflow) + ":" + SheetWriter.local(1, lastWorkflow) + ",\""
                    + WorkflowAnalysis.Kind.STATE_MACHINE.label() + "\"," + SheetWriter.local(4, firstWorkflow) + ":"
                    + SheetWriter.local(4, lastWorkflow) + ")";
            String environmentSum = a.environments().isEmpty() ? "0"
                    : "SUM(" + SheetWriter.local(2, firstEnvironment) + ":" + SheetWriter.local(2, lastEnvironment) + ")";
            List<WorkflowAnalysis> kept = KeptCopies.workflows(a);
            BigDecimal base = BigDecimal.ZERO;
            for (int i = 0; i < kept.size(); i++) {
                if (kept.get(i).kind() == WorkflowAnalysis.Kind.STATE_MACHINE) {
                    base = base.add(workflowSpans.get(i).total());
                }
            }
            for (Span e : environmentSpans) {
                base = base.add(e.total());
            }
            BigDecimal counted = BigDecimal.ZERO;
            for (int i : a.totals().countedFindings()) {
                counted = counted.add(findingSpans.get(i)[0].total().subtract(findingSpans.get(i)[1].total()));
            }
            BigDecimal now = base.add(creditRows[0].total());
            BigDecimal after = base.subtract(counted).add(creditRows[1].total());
            // now and after are both after the free tiers: the credits now, and the credits of the estate after
            s.formula(1, workflowSum + "+" + environmentSum + "+" + creditRows[0].sum(credits, 5), money, now);
            s.newRow();
            s.text(0, "Monthly cost after (USD)").setCellStyle(header);
            String countedSavings = findingRows.isEmpty() ? "0" : "SUMPRODUCT(" + findings.range(9, findingRows.first,
                    findingRows.last) + "," + findings.range(8, findingRows.first, findingRows.last) + ")";
            s.formula(1, workflowSum + "+" + environmentSum + "-" + countedSavings + "+" + creditRows[1].sum(credits, 5),
                    money, after);
            s.newRow();
            s.text(0, "Monthly saving (USD)").setCellStyle(header);
            s.formula(1, SheetWriter.local(1, nowRow) + "-" + SheetWriter.local(1, afterRow), money,
                    now.subtract(after));
            s.skipRow();
            s.header(header, "Workflow", "Kind", "Type", "Executions / month", "Monthly cost (USD)", "Verdict");
            for (int i = 0; i < kept.size(); i++) {
                WorkflowAnalysis w = kept.get(i);
                s.newRow();
                s.text(0, w.name());
                s.text(1, w.kind().label());
                s.text(2, w.workflowType());
                executionsCell(s, 3, w.executionsKey(), w.executionsPerMonth());
                s.formula(4, workflowSpans.get(i).sum(workflows, ITEM_BASE + C_AMOUNT), money,
                        workflowSpans.get(i).total());
                s.text(5, w.verdict().orElse(""));
            }
            s.skipRow();
            s.header(header, "Environment", "Class", "Monthly cost (USD)", "Monthly cost after (USD, recorded)",
                    "Verdict");
            for (int i = 0; i < a.environments().size(); i++) {
                EnvironmentAnalysis e = a.environments().get(i);
                s.newRow();
                s.text(0, e.name());
                s.text(1, e.environmentClass());
                s.formula(2, environmentSpans.get(i).sum(workflows, ITEM_BASE + C_AMOUNT), money,
                        environmentSpans.get(i).total());
                s.number(3, e.monthlyCostAfter(), money);
                s.text(4, e.verdict());
            }
            s.freeze(savingRow);
            s.finish(0, 0);
        }

        // ---- item rows, shared by Workflows, Finding items and Alternatives

        private void itemHeader(SheetWriter s, String owner, String ownerKind) {
            String[] titles = new String[ITEM_BASE + ITEM_HEADERS.length];
            titles[0] = owner;
            titles[1] = ownerKind;
            System.arraycopy(ITEM_HEADERS, 0, titles, ITEM_BASE, ITEM_HEADERS.length);
            s.header(header, titles);
        }

        private Span items(SheetWriter s, String owner, String ownerKind, List<CostItem> items) {
            int first = s.rowNumber() + 1;
            BigDecimal total = BigDecimal.ZERO;
            for (CostItem item : items) {
                s.newRow();
                s.text(0, owner);
                s.text(1, ownerKind);
                item(s, item);
                total = total.add(item.monthlyAmount());
            }
            return new Span(first, s.rowNumber(), total);
        }

        /**
         * One cost item as the formula in {@link CostItem}'s Javadoc. When a key it names is not on the Assumptions
         * sheet, the quantity and amount can not be recomputed and are written as the recorded values.
         */
        private void item(SheetWriter s, CostItem item) {
            int b = ITEM_BASE;
            s.text(b + C_COMPONENT, item.component());
            s.text(b + C_UNIT, item.unit());
            s.number(b + C_PER_EXECUTION, item.quantityPerExecution(), quantityStyle(item.quantityPerExecution()));
            s.number(b + C_PER_ITEM, item.quantityPerItem(), quantityStyle(item.quantityPerItem()));
            s.text(b + C_ITEMS_KEY, item.itemsKey());
            boolean known = assumptionCell(s, b + C_ITEMS, item.itemsKey());
            s.text(b + C_EXECUTIONS_KEY, item.executionsKey());
            known &= assumptionCell(s, b + C_EXECUTIONS, item.executionsKey());
            s.number(b + C_FIXED, item.fixedMonthlyQuantity(), quantityStyle(item.fixedMonthlyQuantity()));
            s.number(b + C_TIER_START, item.tierStart(), quantityStyle(item.tierStart()));
            item.tierEnd().ifPresent(end -> s.number(b + C_TIER_END, end, quantityStyle(end)));
            s.text(b + C_PRICE_KEY, item.priceKey());
            priceCell(s, b + C_UNIT_PRICE, item.priceKey(), item.unitPrice());
            if (!known) {
                s.number(b + C_QUANTITY, item.monthlyQuantity(), decimal);
                s.number(b + C_AMOUNT, item.monthlyAmount(), money);
                return;
            }
            s.formula(b + C_QUANTITY, "(" + s.here(b + C_PER_EXECUTION) + "+" + s.here(b + C_PER_ITEM) + "*"
                    + s.here(b + C_ITEMS) + ")*" + s.here(b + C_EXECUTIONS) + "+" + s.here(b + C_FIXED), decimal,
                    item.monthlyQuantity());
            String above = "MAX(" + s.here(b + C_QUANTITY) + "-" + s.here(b + C_TIER_START) + ",0)";
            String billed = item.tierEnd().isPresent()
                    ? "MIN(" + above + "," + s.here(b + C_TIER_END) + "-" + s.here(b + C_TIER_START) + ")" : above;
            s.formula(b + C_AMOUNT, billed + "*" + s.here(b + C_UNIT_PRICE), money, item.monthlyAmount());
        }

        /** A reference to an assumption's value, 0 for no key; false when the key is not on the sheet. */
        private boolean assumptionCell(SheetWriter s, int column, String key) {
            if (key.isEmpty()) {
                s.number(column, 0, integer);
                return true;
            }
            Integer row = assumptionRow.get(key);
            if (row == null) {
                return false;
            }
            s.formula(column, assumptions.ref(ASSUMPTION_VALUE, row), quantityStyle(assumptionValue.get(key)),
                    assumptionValue.get(key));
            return true;
        }

        private void executionsCell(SheetWriter s, int column, String key, BigDecimal recorded) {
            Integer row = assumptionRow.get(key);
            if (row == null) {
                s.number(column, recorded, quantityStyle(recorded));
            } else {
                s.formula(column, assumptions.ref(ASSUMPTION_VALUE, row), quantityStyle(assumptionValue.get(key)),
                        assumptionValue.get(key));
            }
        }

        /** What {@link #executionsCell} shows: the Assumptions value when the key is there, else the recorded one. */
        private BigDecimal executionsValue(String key, BigDecimal recorded) {
            return assumptionValue.getOrDefault(key, recorded);
        }

        private void priceCell(SheetWriter s, int column, String key, BigDecimal recorded) {
            Integer row = priceRow.get(key);
            if (row == null) {
                s.number(column, recorded, price);
            } else {
                s.formula(column, prices.ref(PRICE_VALUE, row), price, priceValue.get(key));
            }
        }

        private CellStyle quantityStyle(BigDecimal value) {
            return value.stripTrailingZeros().scale() <= 0 ? integer : decimal;
        }
    }
}
