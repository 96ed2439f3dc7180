package dev.flowcost.report.excel;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.EnvironmentAnalysis;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.report.SampleAnalyses;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.flowcost.report.excel.ExcelReport.C_AMOUNT;
import static dev.flowcost.report.excel.ExcelReport.ITEM_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExcelReportTest {

    private static final double CENT = 0.005;
    private static final int AMOUNT = ITEM_BASE + C_AMOUNT;

    private final Analysis seed = SampleAnalyses.seedTrap();

    static XSSFWorkbook render(Analysis analysis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcelReport.write(analysis, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void hasTheSheetsInOrder() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsSubsequence("Summary", "Findings", "Workflows", "Counts", "Assumptions", "Prices");
            assertThat(wb.getSheet("Assumptions").getLastRowNum()).isEqualTo(seed.assumptions().size());
            assertThat(wb.getSheet("Prices").getLastRowNum()).isEqualTo(seed.prices().size());
            assertThat(wb.getSheet("Workflows").getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getSheet("Workflows").getCTWorksheet().isSetAutoFilter()).isTrue();
        }
    }

    @Test
    void everyCostCellIsAFormulaThatLandsOnTheAnalysisAmountToTheCent() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateAll();
            assertAmountsMatch(wb, ev, seed);
        }
    }

    @Test
    void changingExecutionsOnAssumptionsScalesTheCosts() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            Sheet assumptions = wb.getSheet("Assumptions");
            Row ordersExecutions = findRow(assumptions, 0, "orders.executionsPerMonth");
            ordersExecutions.getCell(2).setCellValue(1440);
            ev.clearAllCachedResultValues();
            ev.evaluateAll();
            Sheet workflows = wb.getSheet("Workflows");
            // first orders item: 2 transitions outside the Map per execution, at $0.000025: 720 -> 1,440 executions
            Cell first = workflows.getRow(1).getCell(AMOUNT);
            assertThat(first.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(ev.evaluate(first).getNumberValue()).isCloseTo(2 * 1440 * 0.000025, within(1e-9));
            Cell ordersTotal = findRow(wb.getSheet("Summary"), 0, "orders").getCell(4);
            assertThat(ev.evaluate(ordersTotal).getNumberValue())
                    .isCloseTo(2 * seed.workflows().get(0).monthlyCost().doubleValue(), within(CENT));
            Cell now = wb.getSheet("Summary").getRow(1).getCell(1);
            assertThat(ev.evaluate(now).getNumberValue())
                    .isCloseTo(seed.totals().monthlyCostNow().doubleValue()
                            + seed.workflows().get(0).monthlyCost().doubleValue(), within(CENT));
        }
    }

    @Test
    void changingAPriceFollowsEverywhere() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            findRow(wb.getSheet("Prices"), 0, "mwaa.mw1.small.environment-hour").getCell(5).setCellValue(0.98);
            ev.clearAllCachedResultValues();
            Cell env = findRow(wb.getSheet("Summary"), 0, "prod-airflow").getCell(2);
            assertThat(ev.evaluate(env).getNumberValue()).isCloseTo(730 * 0.98, within(CENT));
        }
    }

    @Test
    void namesThatLookLikeFormulasStayText() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            Sheet counts = wb.getSheet("Counts");
            Row hyperlink = findRow(counts, 1, SampleAnalyses.HYPERLINK_TASK);
            Row cmd = findRow(counts, 1, SampleAnalyses.CMD_STATE);
            assertThat(hyperlink.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(cmd.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(cmd.getCell(1).getStringCellValue()).isEqualTo(SampleAnalyses.CMD_STATE);
            assertThat(findRow(counts, 1, "Fan/" + SampleAnalyses.SCRIPT_STATE).getCell(1).getCellType())
                    .isEqualTo(CellType.STRING);
        }
    }

    @Test
    void largeEstateStaysFormulaExact() throws IOException {
        Analysis many = SampleAnalyses.many(200);
        try (XSSFWorkbook wb = render(many)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            Sheet workflows = wb.getSheet("Workflows");
            int itemsPerWorkflow = many.workflows().get(0).costItems().size();
            Cell last = workflows.getRow(200 * itemsPerWorkflow).getCell(AMOUNT);
            assertThat(ev.evaluate(last).getNumberValue()).isCloseTo(
                    many.workflows().get(199).costItems().get(itemsPerWorkflow - 1).monthlyAmount().doubleValue(),
                    within(CENT));
        }
    }

    @Test
    void everyFormulaStoresTheValueItComputesSoViewersThatNeverRecalculateShowIt() throws IOException {
        for (Analysis analysis : List.of(seed, SampleAnalyses.afterDistributedMap(), SampleAnalyses.many(20))) {
            try (XSSFWorkbook wb = render(analysis)) {
                FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                int formulas = 0;
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() != CellType.FORMULA) {
                                continue;
                            }
                            formulas++;
                            assertThat(cell.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
                            double cached = cell.getNumericCellValue();
                            double computed = ev.evaluate(cell).getNumberValue();
                            String where = sheet.getSheetName() + "!" + cell.getAddress();
                            assertThat(cached).as(where + " " + cell.getCellFormula())
                                    .isCloseTo(computed, within(Math.max(CENT, Math.abs(computed) * 1e-9)));
                        }
                    }
                }
                assertThat(formulas).isGreaterThan(20);
                // the headline total is stored, not 0: what a previewer shows on opening
                assertThat(wb.getSheet("Summary").getRow(1).getCell(1).getNumericCellValue()).isPositive();
            }
        }
    }

    @Test
    void everySheetPrintsLandscapeOnePageWideWithAPrintArea() throws IOException {
        try (XSSFWorkbook wb = render(seed)) {
            for (Sheet sheet : wb) {
                String name = sheet.getSheetName();
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isEqualTo((short) 0);
                assertThat(wb.getPrintArea(wb.getSheetIndex(sheet))).as(name).isNotNull().contains("!$A$1:");
            }
            assertThat(wb.getSheet("Workflows").getRepeatingRows()).isNotNull();
        }
    }

    static void assertAmountsMatch(XSSFWorkbook wb, FormulaEvaluator ev, Analysis analysis) {
        Sheet workflows = wb.getSheet("Workflows");
        int row = 1;
        for (WorkflowAnalysis w : analysis.workflows()) {
            for (CostItem item : w.costItems()) {
                assertCost(ev, workflows.getRow(row++).getCell(AMOUNT), item.monthlyAmount(), w.name() + " " + item.component());
            }
        }
        for (EnvironmentAnalysis e : analysis.environments()) {
            for (CostItem item : e.costItems()) {
                assertCost(ev, workflows.getRow(row++).getCell(AMOUNT), item.monthlyAmount(), e.name());
            }
        }
        Sheet credits = wb.getSheet("Credits");
        for (int i = 0; i < analysis.credits().size(); i++) {
            FreeTierCredit c = analysis.credits().get(i);
            assertCost(ev, credits.getRow(i + 1).getCell(5), c.amount(), c.component());
        }
        Sheet summary = wb.getSheet("Summary");
        for (WorkflowAnalysis w : analysis.workflows()) {
            assertCost(ev, findRow(summary, 0, w.name()).getCell(4), w.monthlyCost(), "total " + w.name());
        }
        for (EnvironmentAnalysis e : analysis.environments()) {
            assertCost(ev, findRow(summary, 0, e.name()).getCell(2), e.monthlyCost(), "total " + e.name());
        }
        Sheet findings = wb.getSheet("Findings");
        for (int i = 0; i < analysis.findings().size(); i++) {
            Finding f = analysis.findings().get(i);
            Row r = findings.getRow(i + 1);
            assertCost(ev, r.getCell(6), f.monthlyCostNow(), f.rule() + " now");
            assertCost(ev, r.getCell(7), f.monthlyCostAfter(), f.rule() + " after");
            assertCost(ev, r.getCell(8), f.monthlySaving(), f.rule() + " saving");
        }
        Sheet alternatives = wb.getSheet("Alternatives");
        int altRow = 1;
        for (WorkflowAnalysis w : analysis.workflows()) {
            for (Alternative alt : w.alternatives()) {
                for (CostItem item : alt.costItems()) {
                    assertCost(ev, alternatives.getRow(altRow++).getCell(AMOUNT), item.monthlyAmount(), alt.platform());
                }
            }
        }
        assertCost(ev, summary.getRow(1).getCell(1), analysis.totals().monthlyCostNow(), "now");
        assertCost(ev, summary.getRow(2).getCell(1), analysis.totals().monthlyCostAfter(), "after");
        assertCost(ev, summary.getRow(3).getCell(1), analysis.totals().monthlySaving(), "saving");
    }

    private static void assertCost(FormulaEvaluator ev, Cell cell, BigDecimal expected, String what) {
        assertThat(cell.getCellType()).as(what + " is a formula").isEqualTo(CellType.FORMULA);
        assertThat(ev.evaluate(cell).getNumberValue()).as(what).isCloseTo(expected.doubleValue(), within(CENT));
    }

    static Row findRow(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " on " + sheet.getSheetName());
    }

    @Test
    void pricingPageExampleFromAHandWrittenFile() throws Exception {
        // PRICING.md example 7: 100,000 executions x 4 transitions = 400,000; (400,000 - 4,000) x $0.000025 = $9.90
        Analysis hello = dev.flowcost.report.json.AnalysisJson.read(
                SampleAnalyses.jsonFixture("one-standard-workflow.analysis.json"));
        try (XSSFWorkbook wb = render(hello)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(ev.evaluate(wb.getSheet("Workflows").getRow(1).getCell(AMOUNT)).getNumberValue())
                    .isCloseTo(10.00, within(1e-9));
            assertThat(ev.evaluate(wb.getSheet("Credits").getRow(1).getCell(5)).getNumberValue())
                    .isCloseTo(-0.10, within(1e-9));
            assertThat(ev.evaluate(wb.getSheet("Summary").getRow(1).getCell(1)).getNumberValue())
                    .isCloseTo(9.90, within(1e-9));
            assertThat(ev.evaluate(wb.getSheet("Summary").getRow(3).getCell(1)).getNumberValue()).isZero();
        }
    }
}
